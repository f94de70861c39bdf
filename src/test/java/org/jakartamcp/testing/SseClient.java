package org.jakartamcp.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal server-sent-events reader over the JDK's HTTP client, for transport tests. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile boolean ended;
    private final List<Long> retries = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SseClient(HttpRequest request) {
        try {
            response = HttpClient.newHttpClient().send(TestTokens.authorized(request), HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(String url) {
        return new SseClient(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build());
    }

    /** The reconnection times ({@code retry:}) the server has sent so far, in order. */
    public List<Long> retries() {
        return List.copyOf(retries);
    }

    /** Whether the server has closed the stream (the events it sent may still wait to be read). */
    public boolean ended() {
        return ended;
    }

    public int statusCode() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next event, or null once the server has closed the stream and every event was read. */
    public Event nextOrNull(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event event = events.poll(50, TimeUnit.MILLISECONDS);
                if (event != null) {
                    return event;
                }
                if (ended && events.isEmpty()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the stream neither sent an event nor ended within " + timeout);
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            // inside the try: a client closed before this thread started has a body that cannot be read any more
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("retry:")) {
                    retries.add(Long.parseLong(line.substring(6).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (RuntimeException e) {
            // stream closed
        } finally {
            ended = true;
        }
    }

    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
