package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

    private final Clock clock = Clock.systemUTC();

    /** Stores an event and returns its id, which is also its place in the order of events. */
    public long append(McpSession session, String streamId, String payload) {
        return append(session.idHash(), streamId, payload);
    }

    /** Stores an event of a session this instance does not hold, known by its hash (a client resumes its stream anywhere). */
    public long append(String sessionHash, String streamId, String payload) {
        StoredEvent event = new StoredEvent(sessionHash, streamId, payload, OffsetDateTime.now(clock));
        entityManager.persist(event);
        entityManager.flush();
        return event.seq();
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
