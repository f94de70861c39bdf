import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of the idle-stream benchmark (bench/run.sh streams): opens STREAMS Streamable HTTP sessions and on
 * each the stream a real client keeps open and idle while it waits for the server (GET /mcp with the session's
 * Mcp-Session-Id), each on its own HTTP/1.1 connection, from this one process (the JDK's HttpClient: one
 * selector thread, no thread per connection). A stream counts as open once its priming event (an event id)
 * has arrived. Prints {@code READY} once all are open, then checks that every one of them is still receiving:
 * each gets a keep-alive comment after the last one opened. Holds them until its standard input ends, then
 * closes them and exits with 1 if any stream failed to open or ended early.
 *
 * <p>Run: {@code java bench/streams/IdleStreams.java BASE_URL TOKEN STREAMS [OPENING_AT_ONCE] [KEEP_ALIVE_WAIT_SECONDS]}.
 */
public class IdleStreams {

    private static final String VERSION = "2025-11-25";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final String endpoint;
    private final String token;
    private final List<Stream> streams = new ArrayList<>();
    private final AtomicInteger primed = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, String> firstFailure = new ConcurrentHashMap<>();

    IdleStreams(String base, String token) {
        this.endpoint = base + "/mcp";
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        IdleStreams bench = new IdleStreams(args[0], args[1]);
        int count = Integer.parseInt(args[2]);
        int atOnce = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        long keepAliveWait = args.length > 4 ? Long.parseLong(args[4]) : 90;
        int exit = bench.run(count, atOnce, Duration.ofSeconds(keepAliveWait));
        System.exit(exit);
    }

    int run(int count, int atOnce, Duration keepAliveWait) throws Exception {
        long started = System.nanoTime();
        Semaphore opening = new Semaphore(atOnce);
        for (int i = 0; i < count; i++) {
            opening.acquire();
            Stream stream = new Stream();
            synchronized (streams) {
                streams.add(stream);
            }
            open(stream).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    fail(stream, "exception " + rootCause(failure));
                }
                opening.release();
            });
            if ((i + 1) % 1000 == 0) {
                System.out.printf("streams: %d requested, %d open (%d s)%n", i + 1, primed.get(), seconds(started));
            }
        }
        if (!opening.tryAcquire(atOnce, 10, TimeUnit.MINUTES)) {
            System.out.printf("streams: %d still opening after 10 minutes: the server stalls%n", atOnce - opening.availablePermits());
        }
        long lastOpened = System.nanoTime();
        int open = primed.get();
        System.out.printf("streams: %d of %d open, each with its priming event, in %d s; failed to open: %d%n",
                open, count, seconds(started), count - open);
        printFailures();
        System.out.println("READY");
        System.out.flush();

        long deadline = System.nanoTime() + keepAliveWait.toNanos();
        while (System.nanoTime() < deadline && kept(lastOpened) < open - ended.get()) {
            Thread.sleep(500);
        }
        int receiving = kept(lastOpened);
        System.out.printf("streams: %d of %d open streams got a keep-alive comment after the last one opened (within %d s); "
                + "%d ended early%n", receiving, open, seconds(lastOpened), ended.get());
        System.out.println("CHECKED");
        System.out.flush();

        System.in.transferTo(java.io.OutputStream.nullOutputStream()); // hold until told to stop
        int stillOpen;
        synchronized (streams) {
            stillOpen = (int) streams.stream().filter(s -> s.primed && !s.ended).count();
            streams.forEach(Stream::close);
        }
        System.out.printf("streams: %d still open when closed by the client; %d ended early%n", stillOpen, ended.get());
        printFailures();
        return open == count && receiving == count && stillOpen == count && ended.get() == 0 ? 0 : 1;
    }

    private CompletableFuture<?> open(Stream stream) {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + VERSION
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"idle-streams\",\"version\":\"1\"}}}";
        return http.sendAsync(post(initialize, null), HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
            String session = answer.headers().firstValue("Mcp-Session-Id").orElse(null);
            if (answer.statusCode() != 200 || session == null) {
                fail(stream, "initialize " + answer.statusCode() + " " + abbreviate(answer.body()));
                return CompletableFuture.completedFuture(null);
            }
            return http.sendAsync(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session),
                    HttpResponse.BodyHandlers.ofString()).thenCompose(initialized -> {
                        if (initialized.statusCode() != 202) {
                            fail(stream, "notifications/initialized " + initialized.statusCode() + " " + abbreviate(initialized.body()));
                            return CompletableFuture.completedFuture(null);
                        }
                        HttpRequest get = HttpRequest.newBuilder(URI.create(endpoint)).header("Accept", "text/event-stream")
                                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session)
                                .header("MCP-Protocol-Version", VERSION).GET().build();
                        // the future completes when the stream ends; opening is done once its priming event is in
                        http.sendAsync(get, info -> {
                            stream.status = info.statusCode();
                            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
                        }).whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                stream.end("stream " + stream.status + " failed: " + rootCause(failure));
                            }
                        });
                        return stream.primedOrEnded;
                    });
        });
    }

    private HttpRequest post(String body, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", VERSION);
        }
        return request.build();
    }

    private int kept(long after) {
        synchronized (streams) {
            return (int) streams.stream().filter(s -> s.primed && !s.ended && s.lastComment - after > 0).count();
        }
    }

    private void fail(Stream stream, String reason) {
        String kind = reason.replaceAll("[0-9a-f]{8,}", "…").replaceAll("\\d+ s after", "N s after");
        kind = kind.length() > 60 ? kind.substring(0, 60) : kind;
        failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        firstFailure.putIfAbsent(kind, reason);
        stream.primedOrEnded.complete(null);
    }

    private void printFailures() {
        new TreeMap<>(failures).forEach((kind, n) -> System.out.printf("  failed %d times: %s%n", n.get(), firstFailure.get(kind)));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String rootCause(Throwable failure) {
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** One open stream: counts its priming event and the keep-alive comments it receives. */
    private final class Stream implements Flow.Subscriber<String> {

        final CompletableFuture<Void> primedOrEnded = new CompletableFuture<>();
        volatile int status;
        volatile boolean primed;
        volatile boolean ended;
        volatile long lastComment = System.nanoTime() - Duration.ofDays(1).toNanos();
        private final AtomicLong lines = new AtomicLong();
        private final StringBuilder head = new StringBuilder();
        private final long created = System.nanoTime();
        private volatile long primedAt;
        private volatile String lastLine = "";
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (lines.incrementAndGet() <= 3 && !primed) {
                head.append(line).append(' ');
            }
            if (!line.isEmpty()) {
                lastLine = line;
            }
            if (!primed && line.startsWith("id:")) {
                primed = true;
                primedAt = System.nanoTime();
                primed().incrementAndGet();
                primedOrEnded.complete(null);
            } else if (line.startsWith(":")) {
                lastComment = System.nanoTime();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            end("stream " + status + " failed: " + rootCause(throwable));
        }

        @Override
        public void onComplete() {
            end("stream " + status + " ended by the server after " + lines.get() + " lines" + (primed
                    ? " (the last '" + lastLine + "'), " + seconds(primedAt) + " s after its priming event, " + seconds(created) + " s after it was begun"
                    : ": " + abbreviate(head.toString())));
        }

        synchronized void end(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            if (primed) {
                ended().incrementAndGet();
                System.out.printf("streams: one ended early at %s: %s%n", java.time.LocalTime.now(), reason);
            }
            fail(this, reason);
        }

        void close() {
            ended = true; // closed by us, not an early end
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }

        private AtomicInteger primed() {
            return IdleStreams.this.primed;
        }

        private AtomicInteger ended() {
            return IdleStreams.this.ended;
        }
    }
}
