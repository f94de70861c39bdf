package org.jakartamcp.mcp.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One event of a session's stream, as sent. */
@Entity
@Table(name = "mcp_event")
@NamedQuery(name = StoredEvent.AFTER, query = "select e from StoredEvent e where e.sessionHash = :session "
        + "and e.streamId = :stream and e.seq > :seq order by e.seq")
@NamedQuery(name = StoredEvent.START_OF, query = "select min(e.createdAt) from StoredEvent e where e.sessionHash = :session "
        + "and e.streamId = :stream")
@NamedQuery(name = StoredEvent.STREAM_OF, query = "select e.streamId from StoredEvent e where e.sessionHash = :session and e.seq = :seq")
public class StoredEvent {

    static final String AFTER = "StoredEvent.after";
    static final String STREAM_OF = "StoredEvent.streamOf";
    static final String START_OF = "StoredEvent.startOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "session_hash", nullable = false, length = 64, updatable = false)
    private String sessionHash;

    @Column(name = "stream_id", nullable = false, length = 64, updatable = false)
    private String streamId;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected StoredEvent() {
    }

    StoredEvent(String sessionHash, String streamId, String payload, OffsetDateTime createdAt) {
        this.sessionHash = sessionHash;
        this.streamId = streamId;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public long seq() {
        return seq;
    }

    public String payload() {
        return payload;
    }

    String streamId() {
        return streamId;
    }
}
