package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An open, idle event stream costs the server no thread: 1,000 HTTP+SSE streams held open at once
 * leave Liberty's thread count where it was (read from /proc of the server's process).
 */
class IdleStreamsIT {

    private static final int STREAMS = 1000;

    @Test
    void athousandOpenStreamsDoNotNeedAThousandThreads() throws Exception {
        String server = TestServer.awaitReady();
        long pid = Long.parseLong(Files.readString(TestPaths.libertyHome().resolve("usr/servers/.pid").resolve(TestPaths.testServerName() + ".pid")).trim());
        int before = threads(pid);

        AtomicInteger endpointsReceived = new AtomicInteger();
        List<Flow.Subscription> subscriptions = new ArrayList<>();
        // HTTP/1.1: one connection per stream, as browsers and mcp-remote open them (HTTP/2 would multiplex them on one)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            HttpRequest open = HttpRequest.newBuilder(URI.create(server + "/sse")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + TestTokens.bearer(server, "sse")).GET().build();
            responses.add(client.sendAsync(open, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    synchronized (subscriptions) {
                        subscriptions.add(subscription);
                    }
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("event: endpoint")) {
                        endpointsReceived.incrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            })));
        }
        try {
            Eventually.await(STREAMS + " streams open with their endpoint event", Duration.ofSeconds(120),
                    endpointsReceived::get, received -> received == STREAMS);
            int during = threads(pid);
            System.out.printf("Liberty threads: %d before, %d with %d idle streams open%n", before, during, STREAMS);
            assertTrue(during - before < 100, "threads grew from " + before + " to " + during + " for " + STREAMS + " streams");
            assertEquals(STREAMS, endpointsReceived.get());
        } finally {
            synchronized (subscriptions) {
                subscriptions.forEach(Flow.Subscription::cancel);
            }
            responses.forEach(response -> response.cancel(true));
        }
    }

    private static int threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .map(line -> Integer.parseInt(line.substring("Threads:".length()).trim()))
                .findFirst().orElseThrow();
    }
}
