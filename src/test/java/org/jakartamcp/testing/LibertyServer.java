package org.jakartamcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server the build created under target/liberty, started and stopped with Liberty's own
 * {@code server} script and the environment a user would give it.
 */
public final class LibertyServer implements AutoCloseable {

    /** Database variables of the developer's shell must not leak into a test that sets its own. */
    private static final List<String> CLEARED = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DB_EMBEDDED",
            "DB_EMBEDDED_DIR", "HTTP_PORT", "HTTPS_PORT", "CONTEXT_ROOT", "ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_PASSWORD_FILE");

    private final String name;
    private final Map<String, String> environment;
    private boolean running;

    public LibertyServer(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = environment;
    }

    public void start() {
        run("start");
        running = true;
    }

    /** Whether this object started the server and it has not been stopped, terminated or killed since. */
    public boolean isRunning() {
        return running;
    }

    public void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    /** The server JVM's process id, from the file Liberty's {@code server start} writes. */
    public long pid() {
        Path file = TestPaths.libertyHome().resolve("usr/servers/.pid").resolve(name + ".pid");
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server JVM with SIGKILL (a crash, the OOM killer, a lost machine) and waits until it is gone. */
    public void kill() {
        end(ProcessHandle::destroyForcibly);
    }

    /** Ends the server JVM with SIGTERM (how container runtimes and systemd stop it) and waits until it is gone. */
    public void terminate() {
        end(ProcessHandle::destroy);
    }

    private void end(java.util.function.Predicate<ProcessHandle> signal) {
        ProcessHandle process = ProcessHandle.of(pid()).orElseThrow(() -> new AssertionError("server " + name + " is not running"));
        if (!signal.test(process)) {
            throw new AssertionError("could not signal server " + name + " (pid " + process.pid() + ")");
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("server " + name + " (pid " + process.pid() + ") still runs 60 s after the signal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        running = false;
    }

    /** Where the server writes the first administrator's generated password (without ADMIN_PASSWORD). */
    public Path initialPasswordFile() {
        return TestPaths.buildDirectory().resolve("system-test").resolve(name + "-initial-admin-password");
    }

    public Path messagesLog() {
        return TestPaths.libertyHome().resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    }

    public String messages() {
        try {
            return Files.exists(messagesLog()) ? Files.readString(messagesLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String action) {
        Path script = TestPaths.libertyHome().resolve("bin/server");
        Path output = TestPaths.buildDirectory().resolve("system-test-" + name + "-" + action + ".log");
        List<String> command = new ArrayList<>(List.of(script.toString(), action, name));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        CLEARED.forEach(builder.environment()::remove);
        // a generated first password goes to the build directory, never over the checkout's own .data
        builder.environment().put("ADMIN_PASSWORD_FILE", initialPasswordFile().toString());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server " + action + " " + name + " did not finish in 180 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("server " + action + " " + name + " exited with " + process.exitValue() + ": "
                        + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
