package org.jakartamcp.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The WAR must deploy unchanged to any Jakarta EE 10 server: server-specific settings live in src/main/liberty. */
class PortabilityTest {

    private static final Pattern SERVER_SPECIFIC = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(com\\.ibm\\.|io\\.openliberty\\.|com\\.sun\\.enterprise\\.|fish\\.payara\\."
                    + "|org\\.apache\\.cxf\\.|org\\.apache\\.myfaces\\.|org\\.eclipse\\.persistence\\.|org\\.jboss\\.weld\\.)");

    @Test
    void applicationCodeImportsNoServerSpecificApi() throws IOException {
        List<Path> sources = javaSources(Path.of("src/main/java"));
        assertTrue(sources.size() > 5, "the sources were not found: " + sources);
        List<String> offending = sources.stream()
                .flatMap(source -> lines(source).filter(line -> SERVER_SPECIFIC.matcher(line).find())
                        .map(line -> source + ": " + line.strip()))
                .toList();
        assertEquals(List.of(), offending);
    }

    /**
     * MicroProfile Config requires Optional<T> and List<T> injection, not Optional<List<T>>: Liberty
     * accepts it, Payara fails the deployment. Such settings are read with Config.getOptionalValues.
     */
    @Test
    void noConfigPropertyIsInjectedAsAnOptionalOfAGenericType() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> offending = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Field field : Class.forName(name, false, getClass().getClassLoader()).getDeclaredFields()) {
                    if (field.isAnnotationPresent(ConfigProperty.class) && field.getGenericType() instanceof ParameterizedType optional
                            && optional.getRawType() == java.util.Optional.class
                            && optional.getActualTypeArguments()[0] instanceof ParameterizedType) {
                        offending.add(name + "." + field.getName() + ": " + field.getGenericType());
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    private static List<Path> javaSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
