package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcParser;
import org.jakartamcp.platform.web.BoundedBody;

/**
 * Reads a POSTed body into JSON-RPC messages, with every refusal as the HTTP status the transports expect.
 * Dependent, not application-scoped: it holds nothing to share, and each of its (application-scoped) users
 * calling it directly saves a client proxy's lookup and reflective call on every MCP request.
 */
@Dependent
class McpRequestReader {

    @Inject
    TransportSettings settings;

    JsonRpcBody read(String contentType, InputStream body) {
        return read(contentType, -1, body);
    }

    /** @param declaredLength the Content-Length, -1 if none (it sizes the buffer, {@link BoundedBody#read(InputStream, int, long)}) */
    JsonRpcBody read(String contentType, long declaredLength, InputStream body) {
        return parse(text(contentType, declaredLength, body));
    }

    /** The body as text, within the size limit, refused unless it is JSON in UTF-8. */
    String text(String contentType, long declaredLength, InputStream body) {
        if (!isJson(contentType)) {
            throw McpHttpErrors.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, JsonRpcError.INVALID_REQUEST,
                    "Unsupported Media Type: send Content-Type: application/json");
        }
        String text;
        try {
            text = BoundedBody.read(body, settings.maxRequestBytes(), declaredLength);
        } catch (BoundedBody.TooLarge e) {
            throw McpHttpErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, JsonRpcError.INVALID_REQUEST, e.getMessage());
        } catch (BoundedBody.NotUtf8 e) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.PARSE_ERROR, "Parse error: " + e.getMessage());
        } catch (IOException e) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.PARSE_ERROR, "Parse error: the body could not be read");
        }
        return text;
    }

    JsonRpcBody parse(String text) {
        try {
            return new JsonRpcParser(settings.maxJsonDepth()).parse(text);
        } catch (JsonRpcError e) {
            throw new jakarta.ws.rs.WebApplicationException(McpHttpErrors.response(Response.Status.BAD_REQUEST, e));
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            return type != null && "application".equals(type.getType()) && "json".equals(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
