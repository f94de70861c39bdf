package org.jakartamcp.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Arquillian deployments of the product WAR with test fixtures and settings of their own. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The product WAR under another name, its MicroProfile Config defaults extended (or overridden) by {@code settings}.
     * Its metrics carry its name ({@code mp_app}): metrics of the same name and tags are one metric on a server, and
     * Liberty removes a metric when an application that registered it stops, the root application's too.
     */
    public static WebArchive product(String name, Map<String, String> settings) {
        try {
            String config = Files.readString(Path.of("target/classes/META-INF/microprofile-config.properties")) + "\n"
                    + "mp.metrics.appName=" + name.replaceAll("\\.war$", "") + "\n"
                    + settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("\n")) + "\n";
            return ShrinkWrap.create(WebArchive.class, name)
                    .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/mcp.war")))
                    .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
