package org.jakartamcp.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Something that happened and that an administrator may need to trace later. Never changed once written,
 * except the count and last time of a repeated refusal ({@link AuditTrail#recordRepeated}).
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.RECENT_OF_TYPE,
        query = "select e from AuditEvent e where e.type = :type order by e.occurredAt desc, e.id desc")
@NamedQuery(name = AuditEvent.RECENT, query = "select e from AuditEvent e order by e.occurredAt desc, e.id desc")
public class AuditEvent {

    static final String RECENT_OF_TYPE = "AuditEvent.recentOfType";
    static final String RECENT = "AuditEvent.recent";
    static final int MAX_DETAIL_LENGTH = 2000;
    static final int MAX_ACTOR_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String type;

    @Column(updatable = false, length = 255)
    private String actor;

    @Column(updatable = false, length = MAX_DETAIL_LENGTH)
    private String detail;

    /** How often it happened in its time window: 1 but for repeated refusals. */
    @Column(nullable = false, updatable = false)
    private long occurrences = 1;

    @Column(name = "last_occurred_at", updatable = false)
    private OffsetDateTime lastOccurredAt;

    protected AuditEvent() {
    }

    AuditEvent(OffsetDateTime occurredAt, String type, String actor, String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = bounded(actor, MAX_ACTOR_LENGTH);
        this.detail = bounded(detail, MAX_DETAIL_LENGTH);
    }

    static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String type() {
        return type;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }

    public long occurrences() {
        return occurrences;
    }

    /** When a repeated event last happened, or null for one that happened once. */
    public OffsetDateTime lastOccurredAt() {
        return lastOccurredAt;
    }
}
