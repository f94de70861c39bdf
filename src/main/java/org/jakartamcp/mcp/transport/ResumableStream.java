package org.jakartamcp.mcp.transport;

import jakarta.json.JsonObject;
import java.util.NavigableSet;
import java.util.TreeSet;
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
    /** Events written here that a shared stream remembers before it reads the log to forget them. */
    static final int MAX_WRITTEN_UNREAD = 100;

    private final McpSession session;
    private final String id;
    private final EventLog log;
    private final Consumer<ResumableStream> onComplete;
    private EventStream connection;
    private boolean completed;
    /** Whether a client resumed this stream on another instance, which then needs a signal for each new event. */
    private boolean followed;
    /**
     * Whether every instance may write this stream: the session's standalone stream, which carries notifications that
     * arise on any instance (resource updates). Each of its events is signalled, and the instance holding the client's
     * connection reads those written elsewhere ({@link #catchUp}).
     */
    private final boolean shared;
    /** The newest event of the log this stream's connection has had or skipped; 0 with no connection. */
    private long delivered;
    /** Events written here (and on the connection) after {@link #delivered}, so that reading the log skips them. */
    private final NavigableSet<Long> writtenHere = new TreeSet<>();

    ResumableStream(McpSession session, String id, EventLog log, Consumer<ResumableStream> onComplete) {
        this.session = session;
        this.id = id;
        this.log = log;
        this.onComplete = onComplete;
        this.shared = EventLog.STANDALONE_STREAM.equals(id);
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
        delivered = primed;
        writtenHere.clear();
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
        long seq = log.append(session, id, data, followed || shared);
        if (connection != null && !connection.send(null, Long.toString(seq), data)) {
            connection = null;
        }
        if (shared && connection != null) {
            writtenHere.add(seq);
            if (writtenHere.size() > MAX_WRITTEN_UNREAD) {
                catchUp(); // no other instance wrote for a while: move on, so that what is remembered stays small
            }
        }
    }

    /**
     * Another instance wrote this (shared) stream: what it wrote since the connection's newest event goes to the
     * connection, in the log's order; events written here are not sent twice. (An event another instance commits after
     * a newer one written here has been read is not sent: two instances would have to write the stream within the
     * same milliseconds; the client still gets it by resuming from an earlier event.)
     */
    synchronized void catchUp() {
        if (!shared || completed || connection == null) {
            return;
        }
        for (StoredEvent event : log.after(session, id, delivered)) {
            delivered = event.seq();
            if (writtenHere.remove(event.seq()) || event.payload().isEmpty()) {
                continue;
            }
            if (connection != null && !connection.send(null, Long.toString(event.seq()), event.payload())) {
                connection = null;
            }
        }
        writtenHere.headSet(delivered, true).clear();
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
        long replayed = replayed(log, session, id, lastEventId, replacement);
        if (replayed < 0) {
            return;
        }
        if (completed) {
            replacement.close();
        } else {
            connection = replacement;
            delivered = replayed;
            writtenHere.clear();
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

    /** Writes the logged events after {@code lastEventId}; the newest one's id ({@code lastEventId} if none), -1 if the connection failed. */
    private static long replayed(EventLog log, McpSession session, String streamId, long lastEventId, EventStream connection) {
        long newest = lastEventId;
        for (StoredEvent event : log.after(session, streamId, lastEventId)) {
            newest = event.seq();
            if (event.payload().isEmpty()) {
                continue;
            }
            if (!connection.send(null, Long.toString(event.seq()), event.payload())) {
                return -1;
            }
        }
        return newest;
    }
}
