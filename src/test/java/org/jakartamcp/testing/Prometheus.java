package org.jakartamcp.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A real Prometheus (Debian's {@code prometheus} package) that the test starts on its own port, scraping one target
 * every second into a fresh data directory under target/, and asks through its HTTP API.
 */
public final class Prometheus implements AutoCloseable {

    private static final String BINARY = System.getProperty("test.prometheus", "/usr/bin/prometheus");

    private final int port;
    private final Path directory;
    private final Process process;

    private Prometheus(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    /** Prometheus scraping {@code metricsPath} of {@code target} (host:port) as job "mcp", ready to answer queries. */
    public static Prometheus scraping(String target, String metricsPath) {
        int port = Integer.getInteger("test.prometheus.port", 9277);
        if (Ports.listening(port)) {
            throw new AssertionError("port " + port + " (test.prometheus.port) is taken: another Prometheus?");
        }
        try {
            Path directory = Files.createDirectories(TestPaths.buildDirectory().resolve("prometheus"));
            Path data = directory.resolve("data-" + System.nanoTime());
            Path configuration = directory.resolve("prometheus.yml");
            Files.writeString(configuration, String.join("\n",
                    "global:",
                    "  scrape_interval: 1s",
                    "  scrape_timeout: 1s",
                    "scrape_configs:",
                    "  - job_name: mcp",
                    "    metrics_path: " + metricsPath,
                    "    static_configs:",
                    "      - targets: ['" + target + "']",
                    ""));
            Process process = new ProcessBuilder(List.of(BINARY, "--config.file=" + configuration, "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            Prometheus prometheus = new Prometheus(port, directory, process);
            Eventually.await("Prometheus ready on " + port, Duration.ofSeconds(30), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("Prometheus ended with " + process.exitValue() + ": " + prometheus.log());
                }
                return Ports.listening(port) && Http.get(prometheus.url("/-/ready")).statusCode() == 200;
            }, ready -> ready);
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of an instant PromQL query that gives at most one sample; empty when it gives none. */
    public OptionalDouble value(String promQl) {
        JsonArray result = query(promQl);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new AssertionError(promQl + " gives " + result.size() + " samples: " + result);
        }
        return OptionalDouble.of(Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }

    /** The samples ({@code metric}, {@code value}) of an instant PromQL query. */
    public JsonArray query(String promQl) {
        var response = Http.get(url("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)));
        JsonObject body = Http.json(response);
        if (response.statusCode() != 200 || !"success".equals(body.getString("status", null))) {
            throw new AssertionError(promQl + ": " + response.statusCode() + " " + response.body());
        }
        return body.getJsonObject("data").getJsonArray("result");
    }

    /** Waits until Prometheus has scraped the target successfully at least once. */
    public void awaitScrape() {
        Eventually.await("a successful scrape of job mcp", Duration.ofSeconds(30), () -> value("up{job=\"mcp\"}"),
                up -> up.isPresent() && up.getAsDouble() == 1.0);
    }

    public String log() {
        try {
            Path log = directory.resolve("prometheus.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
