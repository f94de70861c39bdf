package org.jakartamcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code psql} client, run as someone with a shell on the machine would: over 127.0.0.1,
 * never prompting for a password ({@code -w}), with no password from the environment unless a
 * password file is given.
 */
public final class Psql {

    public static final String BINARY = "/usr/bin/psql";

    private Psql() {
    }

    /** The outcome of one {@code psql -c}: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs {@code query} as {@code user}; {@code passwordFile} (PGPASSFILE) may be null for none at all. */
    public static Result run(int port, String user, String database, Path passwordFile, String query) {
        ProcessBuilder builder = new ProcessBuilder(List.of(BINARY, "-w", "-X", "-A", "-t", "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", user, "-d", database, "-c", query)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        // no ~/.pgpass either: only the file the test names
        builder.environment().put("PGPASSFILE", passwordFile == null ? "/dev/null" : passwordFile.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("psql did not finish in 30 s");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
