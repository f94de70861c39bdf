package org.jakartamcp.mcp.transport;

import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;

/** An HTTP error whose body is a JSON-RPC error response: with the request's id when it is known, without one otherwise. */
final class McpHttpErrors {

    private McpHttpErrors() {
    }

    static WebApplicationException of(Response.StatusType status, int code, String message) {
        return new WebApplicationException(response(status, new JsonRpcError(code, message)));
    }

    /** 429 with Retry-After: the caller reached a limit that frees up with time. */
    static WebApplicationException tooManyRequests(long retryAfterSeconds, String message) {
        return new WebApplicationException(Response.fromResponse(response(Response.Status.TOO_MANY_REQUESTS,
                        new JsonRpcError(JsonRpcError.LIMIT_REACHED, message)))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build());
    }

    static Response response(Response.StatusType status, JsonRpcError error) {
        return response(status, null, error);
    }

    /** The error response to a request whose id is known: it carries that id. */
    static Response response(Response.StatusType status, JsonValue id, JsonRpcError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonRpcResponses.error(id, error).toString())
                .build();
    }
}
