package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.function.UnaryOperator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.BiFunction;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.session.McpSession;

/**
 * The stateless protocol (2026-07-28) on the same endpoint: no initialize and no session; each
 * request carries its version and the client's capabilities in {@code _meta}, and names its method
 * (and tool, resource or prompt, and the tool arguments marked {@code x-mcp-header}) in headers that
 * must match the body ({@link StatelessRequestCheck}). Every error carries the request's id.
 */
@ApplicationScoped
class StatelessRequests {

    static final String META_SERVER = "io.modelcontextprotocol/serverInfo";

    @Inject
    McpDispatcher dispatcher;

    @Inject
    ServerInfo serverInfo;

    @Inject
    StatelessStreams streams;

    private volatile JsonObject resultMeta;

    /**
     * Whether a request speaks the stateless protocol: by its version header when that names a version
     * this server knows, else by the version its {@code _meta} names (which may be one this server
     * does not speak: then it is answered with -32022, the modern error a modern client understands).
     */
    static boolean isStateless(String versionHeader, JsonRpcBody body) {
        if (versionHeader != null) {
            var known = ProtocolVersion.of(HeaderValues.trimOws(versionHeader));
            if (known.isPresent()) {
                return known.get().isStateless();
            }
        }
        return !body.batch() && body.messages().get(0) instanceof JsonRpcMessage.Request request
                && request.params().get("_meta") instanceof JsonObject meta && meta.containsKey(StatelessRequestCheck.META_VERSION);
    }

    /** @param headers the request's header values by (case-insensitive) name */
    Response answer(JsonRpcBody body, UnaryOperator<String> headers, SecurityContext security) {
        return serve(body, headers, security, (request, session) -> {
            JsonObject response = dispatcher.dispatch(request, session, Principals.caller(security), McpExchange.ClientChannel.NONE)
                    .orElseThrow();
            return json(status(response), complete(response));
        });
    }

    /** A request answered on its own event stream ({@link StatelessStreams#streams}), checked like any other first. */
    void stream(JsonRpcBody body, UnaryOperator<String> headers, SecurityContext security, SseEventSink sink, Sse sse) {
        Response early = serve(body, headers, security, (request, session) -> {
            streams.answer(request, session, Principals.caller(security), sink, sse, this::complete);
            return null;
        });
        if (early != null) {
            throw new WebApplicationException(early);
        }
    }

    private Response serve(JsonRpcBody body, UnaryOperator<String> headers, SecurityContext security,
                           BiFunction<JsonRpcMessage.Request, McpSession, Response> answer) {
        if (body.batch()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: batches are not part of protocol 2026-07-28");
        }
        JsonRpcMessage message = body.messages().get(0);
        if (message instanceof JsonRpcMessage.Invalid invalid) {
            return McpHttpErrors.response(Response.Status.BAD_REQUEST, invalid.id(), invalid.error());
        }
        if (message instanceof JsonRpcMessage.Response) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: clients send no responses in protocol 2026-07-28 (input comes back in a retried request)");
        }
        if (message instanceof JsonRpcMessage.Notification) {
            return Response.accepted().build();
        }
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) message;
        StatelessRequestCheck.Checked checked;
        try {
            checked = StatelessRequestCheck.check(request, headers, dispatcher.method(request.method()));
        } catch (StatelessRequestCheck.Refusal refusal) {
            return McpHttpErrors.response(refusal.status(), request.id(), refusal.error());
        }
        McpSession session = McpSession.stateless(Principals.name(security), checked.clientInfo(), checked.capabilities(),
                StatelessStreams.logLevel(request));
        return answer.apply(request, session);
    }

    /** The HTTP status 2026-07-28 gives an error: 404 for a method not found, 400 for a capability the client did not declare. */
    static Response.Status status(JsonObject response) {
        if (!(response.get("error") instanceof JsonObject error)) {
            return Response.Status.OK;
        }
        return switch (error.getInt("code", 0)) {
            case JsonRpcError.METHOD_NOT_FOUND -> Response.Status.NOT_FOUND;
            case JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY, JsonRpcError.HEADER_MISMATCH,
                 JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION -> Response.Status.BAD_REQUEST;
            default -> Response.Status.OK;
        };
    }

    /**
     * 2026-07-28 results say what kind they are ({@code complete} unless a handler said otherwise) and
     * who answered ({@code _meta} serverInfo, since there is no initialize result to say it).
     */
    private JsonObject complete(JsonObject response) {
        if (!(response.get("result") instanceof JsonObject result)) {
            return response;
        }
        var completed = JSON.createObjectBuilder(result);
        if (!result.containsKey("resultType")) {
            completed.add("resultType", "complete");
        }
        JsonObject meta = result.get("_meta") instanceof JsonObject existing
                ? JSON.createObjectBuilder(existing).addAll(JSON.createObjectBuilder(resultMeta())).build() : resultMeta();
        completed.add("_meta", meta);
        return JSON.createObjectBuilder(response).add("result", completed).build();
    }

    private JsonObject resultMeta() {
        JsonObject meta = resultMeta;
        if (meta == null) {
            meta = JSON.createObjectBuilder().add(META_SERVER, serverInfo.implementation()).build();
            resultMeta = meta;
        }
        return meta;
    }

    private static Response json(Response.Status status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
