package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which MCP endpoint a request is for, from its path segments as JAX-RS matches them: matrix
 * parameters ({@code /sse;x=1}) and trailing slashes do not change the endpoint, so no filter can
 * be passed by by spelling the path differently.
 */
final class McpEndpoints {

    static final String MCP = "mcp";
    static final String SSE = "sse";

    private McpEndpoints() {
    }

    /** "mcp" or "sse" for the MCP endpoints (relative to the application), null for any other path. */
    static String of(UriInfo uri) {
        List<PathSegment> segments = uri.getPathSegments();
        String path = segments.stream().map(PathSegment::getPath).filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/"));
        return switch (path) {
            case MCP -> MCP;
            case SSE, "sse/message" -> SSE;
            default -> null;
        };
    }
}
