package org.jakartamcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product WAR on Payara Micro (the build copies payara-micro.jar and the PostgreSQL driver into
 * target/payara), with the data source jdbc/mcp created by asadmin commands before the deployment,
 * as an operator would. Stopped (with everything it started) on close.
 */
public final class PayaraMicro implements AutoCloseable {

    private final Process process;
    private final Path log;

    public PayaraMicro(int port, String jdbcUrl, String user, String password, Map<String, String> environment) {
        Path home = TestPaths.buildDirectory().resolve("system-test/payara");
        Path payara = TestPaths.buildDirectory().resolve("payara");
        log = TestPaths.buildDirectory().resolve("system-test-payara.log");
        try {
            TestDatabase.deleteRecursively(home);
            Files.createDirectories(home);
            Path commands = home.resolve("postboot.asadmin");
            Files.writeString(commands, "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                    + " --restype javax.sql.DataSource --property url=" + escaped(jdbcUrl) + ":user=" + escaped(user) + ":password="
                    + escaped(password) + " mcpPool\ncreate-jdbc-resource --connectionpoolid mcpPool jdbc/mcp\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", payara.resolve("payara-micro.jar").toString(),
                    "--port", Integer.toString(port), "--nocluster", "--rootdir", home.resolve("root").toString(),
                    "--addLibs", payara.resolve("postgresql.jar").toString(), "--postbootcommandfile", commands.toString(),
                    "--deploy", TestPaths.buildDirectory().resolve("mcp.war").toString(), "--contextroot", "/"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("HTTP_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** asadmin's property syntax: ':' and '=' separate, so they are escaped inside a value. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
