package org.jakartamcp.mcp.transport;

import jakarta.json.JsonObject;
import java.util.function.Consumer;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.session.EventLog;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.StoredEvent;

/**
 * A Streamable HTTP event stream that outlives its connections: every event is logged before it is
 * written, so a client whose connection dropped (or was closed by the server) reconnects with
 * Last-Event-ID and gets what it missed, then what follows.
 */
final class ResumableStream implements McpExchange.ClientChannel {

    static final long RECONNECT_MILLIS = 1000;

    private final McpSession session;
    private final String id;
    private final EventLog log;
    private final Consumer<ResumableStream> onComplete;
    private EventStream connection;
    private boolean completed;
    /** Whether a client resumed this stream on another instance, which then needs a signal for each new event. */
    private boolean followed;

    ResumableStream(McpSession session, String id, EventLog log, Consumer<ResumableStream> onComplete) {
        this.session = session;
        this.id = id;
        this.log = log;
        this.onComplete = onComplete;
    }

    String id() {
        return id;
    }

    McpSession session() {
        return session;
    }

    /**
     * Connects a new connection, with a priming event that gives the client an id to resume from. A
     * connection the stream had (a client that opened the session's GET stream again) is closed: only
     * the newest one carries events, and the old one would hold one of the user's stream places.
     */
    synchronized void start(EventStream first) {
        long primed = log.append(session, id, "");
        closeConnection();
        connection = first;
        if (!first.prime(Long.toString(primed), RECONNECT_MILLIS)) {
            connection = null;
        }
    }

    @Override
    public synchronized void send(JsonObject message) {
        if (completed) {
            // the stream ended with its session: nothing more is logged for it or sent on it
            return;
        }
        String data = message.toString();
        long seq = log.append(session, id, data, followed);
        if (connection != null && !connection.send(null, Long.toString(seq), data)) {
            connection = null;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return !completed;
    }

    @Override
    public synchronized void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Takes a new connection: replays the events after {@code lastEventId}, then carries the rest. */
    synchronized void resume(EventStream replacement, long lastEventId) {
        closeConnection();
        if (!replay(log, session, id, lastEventId, replacement)) {
            return;
        }
        if (completed) {
            replacement.close();
        } else {
            connection = replacement;
        }
    }

    /**
     * A client resumed this stream on another instance: from now on each event is signalled, and one signal goes
     * now, so that the other instance reads what was added between its replay and this. Under the stream's lock, so
     * that no event is committed unsignalled after that read.
     */
    synchronized void followedElsewhere() {
        followed = true;
        log.announce(session, id);
    }

    /** The last message was sent: the stream ends, and so does its connection. */
    synchronized void complete() {
        completed = true;
        closeConnection();
        onComplete.accept(this);
    }

    /** Writes the logged events after {@code lastEventId}; false if the connection failed. */
    static boolean replay(EventLog log, McpSession session, String streamId, long lastEventId, EventStream connection) {
        for (StoredEvent event : log.after(session, streamId, lastEventId)) {
            if (event.payload().isEmpty()) {
                continue;
            }
            if (!connection.send(null, Long.toString(event.seq()), event.payload())) {
                return false;
            }
        }
        return true;
    }
}
