package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionStore;

/**
 * Finds the session a Streamable HTTP request names, or says with the right status why it cannot.
 * Dependent, not application-scoped: it holds nothing to share, and each of its (application-scoped) users
 * calling it directly saves a client proxy's lookup and reflective call on every MCP request.
 */
@Dependent
class StreamableHttpSessions {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    @Inject
    SessionStore sessions;

    McpSession resolve(String id, String protocolVersion, SecurityContext security) {
        if (id == null || id.isBlank()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Bad Request: the " + SESSION_HEADER + " header is required; send initialize first to get one");
        }
        McpSession session = sessions.find(id)
                .filter(found -> found.transport() == McpSession.Transport.STREAMABLE_HTTP && found.isInitialized())
                .filter(found -> found.principal().equals(Principals.name(security)))
                .orElseThrow(() -> McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                        "Session not found: it ended or never existed; send initialize to start a new one"));
        // Clients may send any version this server speaks (the conformance suite's raw requests send an older one).
        if (protocolVersion != null && ProtocolVersion.of(protocolVersion.trim()).isEmpty()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Bad Request: unsupported " + VERSION_HEADER + " " + protocolVersion + "; supported: " + ProtocolVersion.ids());
        }
        return session;
    }
}
