package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.session.McpSession;

/**
 * The stateless protocol (2026-07-28) on the same endpoint: no initialize and no session; each
 * request carries its version and the client's capabilities in {@code _meta}, and names its method
 * (and tool, resource or prompt) in headers that must match the body.
 */
@ApplicationScoped
class StatelessRequests {

    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";
    static final int HEADER_MISMATCH = -32001;
    static final int UNSUPPORTED_PROTOCOL_VERSION = -32004;

    /** The params field that {@code Mcp-Name} repeats, per method. */
    private static final Map<String, String> NAMED_BY = Map.of("tools/call", "name", "prompts/get", "name", "resources/read", "uri");
    /** Methods of the stateful protocol that 2026-07-28 removed. */
    private static final Set<String> REMOVED = Set.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
            "resources/unsubscribe");

    @Inject
    McpDispatcher dispatcher;

    /** Whether a request speaks the stateless protocol, by its version header or else by its {@code _meta}. */
    static boolean isStateless(String versionHeader, JsonRpcBody body) {
        if (versionHeader != null) {
            return ProtocolVersion.of(versionHeader.trim()).map(ProtocolVersion::isStateless).orElse(false);
        }
        return !body.batch() && metaVersion(body.messages().get(0)).flatMap(ProtocolVersion::of)
                .map(ProtocolVersion::isStateless).orElse(false);
    }

    Response answer(JsonRpcBody body, String versionHeader, String methodHeader, String nameHeader, SecurityContext security) {
        if (body.batch()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: batches are not part of protocol 2026-07-28");
        }
        JsonRpcMessage message = body.messages().get(0);
        if (message instanceof JsonRpcMessage.Invalid || message instanceof JsonRpcMessage.Response) {
            return Response.accepted().build();
        }
        String method = message instanceof JsonRpcMessage.Request request ? request.method()
                : ((JsonRpcMessage.Notification) message).method();
        JsonObject params = message instanceof JsonRpcMessage.Request request ? request.params()
                : ((JsonRpcMessage.Notification) message).params();
        requireHeadersMatch(method, params, versionHeader, methodHeader, nameHeader, metaVersion(message).orElse(null));
        JsonObject meta = params.get("_meta") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        if (!(meta.get(META_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_PARAMS,
                    "Invalid params: _meta needs \"" + META_CAPABILITIES + "\" (an object) in protocol 2026-07-28");
        }
        if (message instanceof JsonRpcMessage.Notification) {
            return Response.accepted().build();
        }
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) message;
        if (REMOVED.contains(method)) {
            return json(org.jakartamcp.mcp.jsonrpc.JsonRpcResponses.error(request.id(), new JsonRpcError(
                    JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method + " is not part of protocol 2026-07-28")));
        }
        McpSession session = McpSession.stateless(Principals.name(security),
                meta.get(META_CLIENT) instanceof JsonObject client ? client : null, capabilities);
        JsonObject response = dispatcher.dispatch(request, session, Principals.caller(security), McpExchange.ClientChannel.NONE).orElseThrow();
        return json(complete(response));
    }

    private static void requireHeadersMatch(String method, JsonObject params, String versionHeader, String methodHeader,
                                            String nameHeader, String metaVersion) {
        if (metaVersion == null || ProtocolVersion.of(metaVersion).isEmpty()) {
            JsonArrayBuilder supported = JSON.createArrayBuilder();
            ProtocolVersion.ids().forEach(supported::add);
            throw new jakarta.ws.rs.WebApplicationException(McpHttpErrors.response(Response.Status.BAD_REQUEST,
                    new JsonRpcError(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version " + metaVersion
                            + " in _meta." + META_VERSION, JSON.createObjectBuilder().add("supported", supported).build())));
        }
        if (versionHeader == null || !versionHeader.trim().equals(metaVersion)) {
            throw mismatch("MCP-Protocol-Version header " + versionHeader + " does not match _meta version " + metaVersion);
        }
        if (methodHeader == null || !methodHeader.trim().equals(method)) {
            throw mismatch(METHOD_HEADER + " header " + methodHeader + " does not match method " + method);
        }
        String namedBy = NAMED_BY.get(method);
        if (namedBy != null) {
            String name = params.get(namedBy) instanceof JsonString text ? text.getString() : null;
            if (nameHeader == null || !nameHeader.trim().equals(name)) {
                throw mismatch(NAME_HEADER + " header " + nameHeader + " does not match " + namedBy + " " + name);
            }
        }
    }

    private static jakarta.ws.rs.WebApplicationException mismatch(String message) {
        return McpHttpErrors.of(Response.Status.BAD_REQUEST, HEADER_MISMATCH, "Header mismatch: " + message);
    }

    private static Optional<String> metaVersion(JsonRpcMessage message) {
        JsonObject params = message instanceof JsonRpcMessage.Request request ? request.params()
                : message instanceof JsonRpcMessage.Notification notification ? notification.params() : null;
        if (params != null && params.get("_meta") instanceof JsonObject meta && meta.get(META_VERSION) instanceof JsonString version) {
            return Optional.of(version.getString());
        }
        return Optional.empty();
    }

    /** 2026-07-28 results say that they are complete, unless they ask the client for input (input_required). */
    private static JsonObject complete(JsonObject response) {
        if (!(response.get("result") instanceof JsonObject result) || result.containsKey("resultType")) {
            return response;
        }
        return JSON.createObjectBuilder(response)
                .add("result", JSON.createObjectBuilder(result).add("resultType", "complete"))
                .build();
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
