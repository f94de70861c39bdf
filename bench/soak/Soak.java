import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The load of the soak benchmark (bench/soak.sh): many MCP sessions over Streamable HTTP, spread over
 * several users, calling tools for a given time. Each operation is one of: a tools/call answered as JSON
 * (add, evaluate), a tools/call with a progress token (answered as an event stream whose events are stored
 * for resumption), tools/list, a session ended with DELETE and replaced, a session abandoned (left to
 * expire) and replaced. Any answer that is not the expected one counts as a failure and is printed.
 *
 * <p>Run: {@code java bench/soak/Soak.java BASE_URL TOKENS_FILE SESSIONS SECONDS CONCURRENCY}, where
 * TOKENS_FILE has one access token per line (one per user).
 */
public class Soak {

    private static final String VERSION = "2025-11-25";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String endpoint;
    private final List<String> tokens;
    private final AtomicReferenceArray<String> sessions;
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong next = new AtomicLong();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();

    Soak(String base, List<String> tokens, int sessions) {
        this.endpoint = base + "/mcp";
        this.tokens = tokens;
        this.sessions = new AtomicReferenceArray<>(sessions);
    }

    public static void main(String[] args) throws Exception {
        List<String> tokens = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1])).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Soak soak = new Soak(args[0], tokens, Integer.parseInt(args[2]));
        soak.run(Duration.ofSeconds(Long.parseLong(args[3])), Integer.parseInt(args[4]));
    }

    void run(Duration duration, int concurrency) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < sessions.length(); i++) {
            sessions.set(i, initialize(token(i)));
        }
        System.out.printf("soak: %d sessions of %d users initialized in %d s%n", sessions.length(), tokens.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    operate((int) (next.getAndIncrement() % sessions.length()));
                }
            });
            worker.start();
            workers.add(worker);
        }
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            if (System.nanoTime() - lastReport >= Duration.ofMinutes(1).toNanos()) {
                lastReport = System.nanoTime();
                report("progress");
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
        report("done");
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private void report(String what) {
        System.out.printf("soak %s: %d operations, %d failed, %s%n", what, operations.get(), failures.get(), byKind);
    }

    private String token(int slot) {
        return tokens.get(slot % tokens.size());
    }

    private void operate(int slot) {
        String session = sessions.get(slot);
        int dice = ThreadLocalRandom.current().nextInt(1000);
        try {
            if (dice < 600) {
                expect("add", call(slot, session, "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}"), "\"text\":\"42\"");
            } else if (dice < 750) {
                expect("evaluate", call(slot, session,
                        "{\"name\":\"evaluate\",\"arguments\":{\"expression\":\"(2^64 + SQRT(2)) / 3\",\"precision\":40}}"),
                        "6148914691236517205.8047378");
            } else if (dice < 900) {
                expect("streamed", call(slot, session,
                        "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":1},\"_meta\":{\"progressToken\":\"p\"}}"), "\"text\":\"2\"");
            } else if (dice < 990) {
                expect("list", post(token(slot), session, request("tools/list", "{}")), "\"name\":\"add\"");
            } else if (dice < 995) {
                HttpResponse<String> deleted = HTTP.send(base(token(slot), session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                count("delete", deleted.statusCode() == 204, deleted);
                sessions.set(slot, initialize(token(slot)));
            } else {
                count("abandon", true, null);
                sessions.set(slot, initialize(token(slot)));
            }
        } catch (Exception e) {
            count("exception", false, null);
            System.out.println("soak failure: " + e);
        }
    }

    private HttpResponse<String> call(int slot, String session, String params) throws Exception {
        return post(token(slot), session, request("tools/call", params));
    }

    private void expect(String kind, HttpResponse<String> response, String fragment) {
        count(kind, response.statusCode() == 200 && response.body().contains(fragment) && !response.body().contains("\"isError\":true"),
                response);
    }

    private void count(String kind, boolean ok, HttpResponse<String> response) {
        operations.incrementAndGet();
        byKind.computeIfAbsent(kind, ignored -> new AtomicLong()).incrementAndGet();
        if (!ok) {
            long failed = failures.incrementAndGet();
            if (failed <= 20 && response != null) {
                System.out.println("soak failure (" + kind + "): " + response.statusCode() + " " + response.headers().map()
                        + " " + response.body().substring(0, Math.min(500, response.body().length())));
            }
        }
    }

    private String initialize(String token) {
        try {
            HttpResponse<String> response = post(token, null, request("initialize", "{\"protocolVersion\":\"" + VERSION
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"soak\",\"version\":\"1\"}}"));
            String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow(
                    () -> new IllegalStateException("initialize answered " + response.statusCode() + " " + response.body()));
            HttpResponse<String> initialized = post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            if (initialized.statusCode() != 202) {
                throw new IllegalStateException("notifications/initialized answered " + initialized.statusCode());
            }
            return session;
        } catch (Exception e) {
            throw new IllegalStateException("cannot initialize a session", e);
        }
    }

    private String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + operations.get() + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private HttpResponse<String> post(String token, String session, String body) throws Exception {
        HttpRequest.Builder request = base(token, session).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder base(String token, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, text/event-stream");
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", VERSION);
        }
        return request;
    }
}
