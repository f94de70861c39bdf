package org.jakartamcp.mcp.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The stored form of an MCP session. */
@Entity
@Table(name = "mcp_session")
@NamedQuery(name = SessionRecord.TOUCH, query = "update SessionRecord s set s.lastSeenAt = :now where s.idHash = :hash")
@NamedQuery(name = SessionRecord.TOUCH_ALL, query = "update SessionRecord s set s.lastSeenAt = :now where s.idHash in :hashes")
@NamedQuery(name = SessionRecord.LAST_SEEN, query = "select s.idHash, s.lastSeenAt from SessionRecord s where s.idHash in :hashes")
@NamedQuery(name = SessionRecord.DELETE, query = "delete from SessionRecord s where s.idHash = :hash")
public class SessionRecord {

    static final String TOUCH = "SessionRecord.touch";
    static final String TOUCH_ALL = "SessionRecord.touchAll";
    static final String LAST_SEEN = "SessionRecord.lastSeen";
    static final String DELETE = "SessionRecord.delete";

    @Id
    @Column(name = "id_hash", length = 64)
    String idHash;

    @Column(nullable = false, length = 16)
    String transport;

    @Column(nullable = false)
    String principal;

    @Column(name = "protocol_version", length = 16)
    String protocolVersion;

    @Column(name = "client_name")
    String clientName;

    @Column(name = "client_version")
    String clientVersion;

    @Column(name = "client_capabilities")
    String clientCapabilities;

    @Column(name = "log_level", length = 16)
    String logLevel;

    @Column(nullable = false)
    boolean initialized;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    OffsetDateTime lastSeenAt;

    /** The instance holding an HTTP+SSE session's stream (ClusterInstances' id); null for Streamable HTTP. */
    @Column(name = "stream_instance", length = 32)
    String streamInstance;

    protected SessionRecord() {
    }

    SessionRecord(String idHash, String transport, String principal, OffsetDateTime createdAt) {
        this.idHash = idHash;
        this.transport = transport;
        this.principal = principal;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
    }

    // Changes go through methods of the entity itself: EclipseLink's weaving tracks them there only.

    void negotiated(String protocolVersion, String clientName, String clientVersion, String clientCapabilities) {
        this.protocolVersion = protocolVersion;
        this.clientName = clientName;
        this.clientVersion = clientVersion;
        this.clientCapabilities = clientCapabilities;
        this.initialized = true;
    }

    void streamInstance(String instance) {
        this.streamInstance = instance;
    }

    void logLevel(String logLevel) {
        this.logLevel = logLevel;
    }
}
