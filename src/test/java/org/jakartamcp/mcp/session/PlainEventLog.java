package org.jakartamcp.mcp.session;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event log in memory, which several plain "instances" may share as they share the table, and which records the
 * streams it was asked to signal.
 */
public final class PlainEventLog extends EventLog {

    private final List<Row> rows;
    /** The subjects of the stream-events signals this log's instance sent, in order. */
    public final List<String> announced = new ArrayList<>();

    private record Row(String sessionHash, StoredEvent event) {
    }

    public PlainEventLog() {
        this(new ArrayList<>());
    }

    private PlainEventLog(List<Row> rows) {
        this.rows = rows;
    }

    /** Another instance's log over the same rows. */
    public PlainEventLog sharingRows() {
        return new PlainEventLog(rows);
    }

    @Override
    public long append(McpSession session, String streamId, String payload, boolean followed) {
        StoredEvent event = new StoredEvent(session.idHash(), streamId, payload, OffsetDateTime.now());
        synchronized (rows) {
            setSeq(event, rows.size() + 1L);
            rows.add(new Row(session.idHash(), event));
        }
        if (followed) {
            announce(session, streamId);
        }
        return event.seq();
    }

    @Override
    public void announce(McpSession session, String streamId) {
        announced.add(StreamRef.of(session, streamId).subject());
    }

    @Override
    public List<StoredEvent> after(McpSession session, String streamId, long seq) {
        synchronized (rows) {
            return rows.stream().filter(row -> row.sessionHash().equals(session.idHash()))
                    .map(Row::event).filter(event -> event.streamId().equals(streamId) && event.seq() > seq).toList();
        }
    }

    @Override
    public Optional<OffsetDateTime> startOf(McpSession session, String streamId) {
        return Optional.empty();
    }

    private static void setSeq(StoredEvent event, long seq) {
        try {
            Field field = StoredEvent.class.getDeclaredField("seq");
            field.setAccessible(true);
            field.set(event, seq);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
