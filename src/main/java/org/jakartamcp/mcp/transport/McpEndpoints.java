package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Which MCP endpoint a request is for, from its path segments as JAX-RS matches them: matrix
 * parameters ({@code /sse;x=1}) and trailing slashes do not change the endpoint, so no filter can
 * be passed by by spelling the path differently.
 */
final class McpEndpoints {

    static final String MCP = "mcp";
    static final String SSE = "sse";
    /** Where the HTTP+SSE transport (2024-11-05) takes its POSTs. */
    static final String MESSAGE = "sse/message";

    private McpEndpoints() {
    }

    /**
     * "mcp" or "sse" for the MCP endpoints (relative to the application), null for any other path: the
     * protected resource a request is for, whose token audience and metadata apply to it.
     */
    static String of(UriInfo uri) {
        return switch (path(uri)) {
            case MCP -> MCP;
            case SSE, MESSAGE -> SSE;
            default -> null;
        };
    }

    /**
     * "mcp" or "sse" for the endpoints that speak Streamable HTTP (both do: {@code /sse} is the
     * quick-start URL, so a POST there gets the same transport as {@code /mcp}), null for any other
     * path, the HTTP+SSE message endpoint among them.
     */
    static String streamableHttp(UriInfo uri) {
        String path = path(uri);
        return MCP.equals(path) || SSE.equals(path) ? path : null;
    }

    /** Every filter asks, on every request: a loop that allocates nothing for the usual one-segment path. */
    private static String path(UriInfo uri) {
        List<PathSegment> segments = uri.getPathSegments();
        String single = null;
        StringBuilder joined = null;
        for (PathSegment segment : segments) {
            String path = segment.getPath();
            if (path.isEmpty()) {
                continue;
            }
            if (single == null) {
                single = path;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(single);
                }
                joined.append('/').append(path);
            }
        }
        return joined != null ? joined.toString() : single == null ? "" : single;
    }
}
