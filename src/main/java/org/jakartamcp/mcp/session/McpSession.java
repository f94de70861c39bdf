package org.jakartamcp.mcp.session;

import jakarta.json.JsonObject;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/**
 * A client's session: who opened it, over which transport, and what was negotiated. Changes go
 * through {@link SessionStore} so that the stored copy stays current.
 */
public final class McpSession {

    public enum Transport { STREAMABLE_HTTP, SSE }

    private final String id;
    private final String idHash;
    private final Transport transport;
    private final String principal;
    private volatile ProtocolVersion protocolVersion;
    private volatile JsonObject clientInfo;
    private volatile JsonObject clientCapabilities;
    private volatile boolean initialized;
    private volatile String logLevel;
    private volatile long startedAtMillis = System.currentTimeMillis();

    McpSession(String id, String idHash, Transport transport, String principal) {
        this.id = id;
        this.idHash = idHash;
        this.transport = transport;
        this.principal = principal;
    }

    /** The id the client holds; null for a session loaded from the database, which only knows its hash. */
    public String id() {
        return id;
    }

    /** The SHA-256 of the id: what the database and the other instances know the session by (the id itself is a secret). */
    public String idHash() {
        return idHash;
    }

    public Transport transport() {
        return transport;
    }

    public String principal() {
        return principal;
    }

    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    public JsonObject clientInfo() {
        return clientInfo;
    }

    public JsonObject clientCapabilities() {
        return clientCapabilities;
    }

    public boolean isInitialized() {
        return initialized;
    }

    public String logLevel() {
        return logLevel;
    }

    /** When the session was created (on whichever instance), in epoch milliseconds. */
    public long startedAtMillis() {
        return startedAtMillis;
    }

    void startedAt(long epochMillis) {
        this.startedAtMillis = epochMillis;
    }

    /**
     * The context of one stateless (2026-07-28) request: never stored, it lives as long as the request
     * and carries what the request's {@code _meta} declared.
     */
    public static McpSession stateless(String principal, JsonObject clientInfo, JsonObject clientCapabilities) {
        return stateless(principal, clientInfo, clientCapabilities, null);
    }

    /** The same, for a request whose {@code _meta} asks for log messages from the given level up (null: none). */
    public static McpSession stateless(String principal, JsonObject clientInfo, JsonObject clientCapabilities, String logLevel) {
        McpSession session = new McpSession(null, null, Transport.STREAMABLE_HTTP, principal);
        session.negotiated(ProtocolVersion.V2026_07_28, clientInfo, clientCapabilities);
        session.logLevel = logLevel;
        return session;
    }

    public boolean isStateless() {
        return idHash == null;
    }

    void negotiated(ProtocolVersion version, JsonObject info, JsonObject capabilities) {
        this.protocolVersion = version;
        this.clientInfo = info;
        this.clientCapabilities = capabilities;
        this.initialized = true;
    }

    void logLevel(String level) {
        this.logLevel = level;
    }
}
