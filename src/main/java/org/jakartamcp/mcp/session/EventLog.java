package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;

/**
 * The events of every open stream, written before they are sent: an event a client may have
 * received is always one it can get again by resuming after the one before it.
 */
@ApplicationScoped
@Transactional
public class EventLog {

    /** The stream a GET without Last-Event-ID opens, for messages that answer no request; it lasts as long as its session. */
    public static final String STANDALONE_STREAM = "standalone";

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Inject
    ClusterSignals signals;

    private final Clock clock = Clock.systemUTC();

    /** Stores an event and returns its id, which is also its place in the order of events. */
    public long append(McpSession session, String streamId, String payload) {
        return append(session, streamId, payload, false);
    }

    /**
     * Stores an event and returns its id; when {@code followed} (a client resumed the stream on another instance),
     * also tells the other instances, once committed, that the stream has a new event.
     */
    public long append(McpSession session, String streamId, String payload, boolean followed) {
        return append(session.idHash(), streamId, payload, followed);
    }

    /**
     * Stores an event of a session this instance does not hold, known by its hash (a client resumes its stream anywhere);
     * one of its standalone stream is signalled, since the session's GET stream may be open on another instance.
     */
    public long append(String sessionHash, String streamId, String payload) {
        return append(sessionHash, streamId, payload, STANDALONE_STREAM.equals(streamId));
    }

    private long append(String sessionHash, String streamId, String payload, boolean signalled) {
        StoredEvent event = new StoredEvent(sessionHash, streamId, payload, OffsetDateTime.now(clock));
        entityManager.persist(event);
        entityManager.flush();
        if (signalled) {
            signals.publish(ClusterSignal.Topic.STREAM_EVENTS, new StreamRef(sessionHash, streamId).subject());
        }
        return event.seq();
    }

    /** Tells the other instances that the stream has events they may not have read yet. */
    public void announce(McpSession session, String streamId) {
        signals.publish(ClusterSignal.Topic.STREAM_EVENTS, StreamRef.of(session, streamId).subject());
    }

    /** When the stream's first event was stored: a call's stream cannot be written longer than the call's time limit after it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OffsetDateTime> startOf(McpSession session, String streamId) {
        return entityManager.createNamedQuery(StoredEvent.START_OF, OffsetDateTime.class)
                .setParameter("session", session.idHash())
                .setParameter("stream", streamId)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The stream an event id belongs to, if the event is this session's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> streamOf(McpSession session, long seq) {
        return entityManager.createNamedQuery(StoredEvent.STREAM_OF, String.class)
                .setParameter("session", session.idHash())
                .setParameter("seq", seq)
                .getResultStream()
                .findFirst();
    }

    /** The events of a stream after the given one, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> after(McpSession session, String streamId, long seq) {
        return entityManager.createNamedQuery(StoredEvent.AFTER, StoredEvent.class)
                .setParameter("session", session.idHash())
                .setParameter("stream", streamId)
                .setParameter("seq", seq)
                .setMaxResults(10_000)
                .getResultList();
    }
}
