package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.jakartamcp.mcp.session.StreamRef;

/**
 * A client's connection to a stream that another instance writes (a call running there, resumed here with
 * Last-Event-ID): it carries the stream's stored events in order, each once, from where the client left off, and ends
 * after the call's response. It reads the log whenever told that there may be more; reading too often costs a query,
 * never an event twice, since it remembers the last one it sent. It also ends at a deadline, for the instance writing
 * the stream may have died with the call.
 */
final class Follower {

    /** One stored event of the stream. */
    record Event(long seq, String payload) {
    }

    /** The stored events of the stream after the given one, in order. */
    interface Events {
        List<Event> after(long seq);
    }

    /** The client's connection. */
    interface Output {
        /** False once the client is gone. */
        boolean send(String id, String data);

        /** Ends the connection once what was sent before has been written. */
        void close();
    }

    private final StreamRef stream;
    private final Events events;
    private final Output output;
    private final Instant deadline;
    private long lastSent;
    private boolean ended;
    /** Whether the first read is still to come: it starts at the client's last event, which may have been the response. */
    private boolean first = true;

    Follower(StreamRef stream, long after, Instant deadline, Events events, Output output) {
        this.stream = stream;
        this.lastSent = after;
        this.deadline = deadline;
        this.events = events;
        this.output = output;
    }

    StreamRef stream() {
        return stream;
    }

    /** Sends what the log holds beyond what was sent; false once the follower has ended (the response sent, the client gone). */
    synchronized boolean catchUp() {
        while (!ended) {
            List<Event> stored = events.after(first ? lastSent - 1 : lastSent);
            first = false;
            if (stored.isEmpty()) {
                return true;
            }
            for (Event event : stored) {
                if (event.seq() <= lastSent) {
                    if (isResponse(event.payload())) {
                        end(); // the client has had the response: nothing follows it
                        return false;
                    }
                    continue;
                }
                lastSent = event.seq();
                if (event.payload().isEmpty()) {
                    continue; // a priming event: the client has an id already
                }
                if (!output.send(Long.toString(event.seq()), event.payload()) || isResponse(event.payload())) {
                    end();
                    return false;
                }
            }
        }
        return false;
    }

    /** Reads once more, then ends if the deadline has passed (checked periodically). */
    synchronized boolean check(Instant now) {
        if (catchUp() && now.isAfter(deadline)) {
            end();
        }
        return !ended;
    }

    synchronized void end() {
        if (!ended) {
            ended = true;
            output.close();
        }
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    /**
     * Whether a message the server wrote on a call's stream is the call's response, its last: the other messages on
     * it are notifications and requests, which have a method.
     */
    static boolean isResponse(String payload) {
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject message && message.containsKey("id") && !message.containsKey("method");
        } catch (JsonException e) {
            return false;
        }
    }
}
