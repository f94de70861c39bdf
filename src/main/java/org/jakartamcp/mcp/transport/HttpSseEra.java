package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.lifecycle.LifecycleHandler;

/**
 * The HTTP+SSE transport carries the legacy protocol only (2024-11-05 to 2025-11-25, chosen by
 * initialize): 2026-07-28 is stateless and has no stream to answer on. So it never advertises
 * 2026-07-28. A request that speaks it (its {@code _meta} names a protocol version, as the
 * {@code server/discover} probe of a client in "auto" mode does) is answered with
 * UnsupportedProtocolVersionError naming the versions this transport speaks, which tells such a
 * client to fall back to initialize (2026-07-28 versioning, backward compatibility) rather than go
 * on with requests the session would refuse; {@code server/discover} without it is a method the
 * legacy protocol does not have.
 */
final class HttpSseEra {


    private HttpSseEra() {
    }

    /** The error response for a request this transport does not serve, or empty to serve it. */
    static Optional<JsonObject> refusal(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcMessage.Request request)) {
            return Optional.empty();
        }
        if (request.params().get("_meta") instanceof JsonObject meta && meta.get(StatelessRequestCheck.META_VERSION) instanceof JsonString requested) {
            JsonArrayBuilder supported = JSON.createArrayBuilder();
            ProtocolVersion.newestFirst().stream().filter(id -> !ProtocolVersion.of(id).orElseThrow().isStateless())
                    .forEach(supported::add);
            return Optional.of(JsonRpcResponses.error(request.id(), new JsonRpcError(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version " + requested.getString() + " on the HTTP+SSE transport, which speaks the "
                            + "versions chosen by initialize; POST to this URL (Streamable HTTP) for " + requested.getString(),
                    JSON.createObjectBuilder().add("supported", supported).add("requested", requested).build())));
        }
        if (LifecycleHandler.DISCOVER.equals(request.method())) {
            return Optional.of(JsonRpcResponses.error(request.id(), new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND,
                    "Method not found: server/discover belongs to protocol 2026-07-28, which the HTTP+SSE transport does not "
                            + "carry; send initialize, or POST to this URL (Streamable HTTP)")));
        }
        return Optional.empty();
    }
}
