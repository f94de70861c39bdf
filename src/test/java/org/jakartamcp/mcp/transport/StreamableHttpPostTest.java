package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcParser;
import org.jakartamcp.mcp.session.McpSession;
import org.junit.jupiter.api.Test;

class StreamableHttpPostTest {

    private final JsonRpcBody body = new JsonRpcParser(32).parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void theSessionIsResolvedOnceWhoeverAsks() {
        McpSession session = McpSession.stateless("alice", null, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        StreamableHttpPost post = new StreamableHttpPost(body, List.of(MediaType.WILDCARD_TYPE), () -> {
            lookups.incrementAndGet();
            return session;
        });
        assertTrue(post.resolves(), "the filter asks");
        assertSame(session, post.session(), "the resource asks");
        assertSame(session, post.session());
        assertEquals(1, lookups.get());
        assertSame(body, post.body());
    }

    @Test
    void aFailedResolutionIsKeptAndAnsweredTheSameWay() {
        StreamableHttpPost post = new StreamableHttpPost(body, List.of(), () -> {
            lookups.incrementAndGet();
            throw McpHttpErrors.of(jakarta.ws.rs.core.Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST, "Session not found");
        });
        assertFalse(post.resolves());
        WebApplicationException refused = assertThrows(WebApplicationException.class, post::session);
        assertEquals(404, refused.getResponse().getStatus());
        assertEquals(1, lookups.get(), "no second database or cache lookup for the same request");
    }
}
