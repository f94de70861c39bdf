package org.jakartamcp.mcp.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.session.McpSession;

/**
 * One POST to a Streamable HTTP endpoint as the transport sees it: its body read and parsed once (by
 * {@link ResponseModeFilter}, before JAX-RS picks the resource method), and its session resolved at
 * most once, whoever asks first, the filter choosing the response mode or the resource answering.
 * A failed resolution is kept too, so that the resource answers with the same error status.
 */
final class StreamableHttpPost {

    static final String ATTRIBUTE = StreamableHttpPost.class.getName();

    private final JsonRpcBody body;
    private final List<MediaType> accepted;
    private final Supplier<McpSession> resolver;
    private McpSession session;
    private WebApplicationException failure;

    StreamableHttpPost(JsonRpcBody body, List<MediaType> accepted, Supplier<McpSession> resolver) {
        this.body = body;
        this.accepted = List.copyOf(accepted);
        this.resolver = resolver;
    }

    /** The POST a filter has read, as the resource method finds it. */
    static StreamableHttpPost of(HttpServletRequest request) {
        return (StreamableHttpPost) request.getAttribute(ATTRIBUTE);
    }

    JsonRpcBody body() {
        return body;
    }

    /** The media types the client accepts, as it sent them (the filter rewrites Accept to choose the resource method). */
    List<MediaType> accepted() {
        return accepted;
    }

    /** The session the request names, or the error that says why there is none (thrown each time it is asked for). */
    synchronized McpSession session() {
        if (session == null && failure == null) {
            try {
                session = resolver.get();
            } catch (WebApplicationException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return session;
    }

    /** Whether {@link #session()} finds a session, without throwing. */
    boolean resolves() {
        try {
            session();
            return true;
        } catch (WebApplicationException e) {
            return false;
        }
    }
}
