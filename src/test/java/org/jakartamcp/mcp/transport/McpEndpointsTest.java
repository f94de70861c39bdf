package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint of a request, from its path segments as JAX-RS splits them (matrix parameters already apart). */
class McpEndpointsTest {

    private static UriInfo path(String... segments) {
        List<PathSegment> parsed = Arrays.stream(segments).map(McpEndpointsTest::segment).toList();
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPathSegments") ? parsed : null);
    }

    private static PathSegment segment(String path) {
        return new PathSegment() {
            public String getPath() {
                return path;
            }

            public jakarta.ws.rs.core.MultivaluedMap<String, String> getMatrixParameters() {
                return new MultivaluedHashMap<>();
            }
        };
    }

    @Test
    void theMcpEndpointsWhateverTheSlashes() {
        assertEquals("mcp", McpEndpoints.of(path("mcp")));
        assertEquals("mcp", McpEndpoints.of(path("mcp", "")));
        assertEquals("sse", McpEndpoints.of(path("sse")));
        assertEquals("sse", McpEndpoints.of(path("", "sse", "message")), "the HTTP+SSE message endpoint belongs to /sse");
        assertEquals("sse", McpEndpoints.streamableHttp(path("sse", "")));
        assertNull(McpEndpoints.streamableHttp(path("sse", "message")), "the message endpoint speaks HTTP+SSE only");
    }

    @Test
    void otherPathsAreNoEndpoint() {
        assertNull(McpEndpoints.of(path()));
        assertNull(McpEndpoints.of(path("")));
        assertNull(McpEndpoints.of(path("mcp", "x")));
        assertNull(McpEndpoints.of(path("x", "mcp")));
        assertNull(McpEndpoints.of(path("sse", "message", "x")));
        assertNull(McpEndpoints.streamableHttp(path("token")));
    }
}
