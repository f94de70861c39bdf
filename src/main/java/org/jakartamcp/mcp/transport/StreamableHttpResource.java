package org.jakartamcp.mcp.transport;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.lifecycle.LifecycleHandler;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionStore;

/**
 * The Streamable HTTP transport (MCP 2025-03-26 and later) at {@code /mcp}: POST carries client
 * messages, GET opens the server's stream, DELETE ends the session.
 */
@Path("mcp")
@McpTransport
public class StreamableHttpResource {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    @Inject
    SessionStore sessions;

    @Inject
    OpenStreams streams;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    McpRequestReader reader;

    @POST
    public Response post(@Context HttpHeaders headers, @Context SecurityContext security, InputStream body) {
        requireAccept(headers, MediaType.APPLICATION_JSON_TYPE, MediaType.SERVER_SENT_EVENTS_TYPE);
        JsonRpcBody messages = reader.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        if (isInitialize(messages)) {
            return initialize(messages.messages().get(0), security);
        }
        McpSession session = session(headers, security);
        if (messages.batch() && !session.protocolVersion().allowsBatches()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not allowed in protocol version " + session.protocolVersion().id());
        }
        List<JsonObject> responses = new ArrayList<>();
        for (JsonRpcMessage message : messages.messages()) {
            if (message instanceof JsonRpcMessage.Request request && LifecycleHandler.INITIALIZE.equals(request.method())) {
                throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                        "Invalid Request: initialize must be sent alone, without a session id");
            }
            dispatcher.dispatch(message, session, McpExchange.ClientChannel.NONE).ifPresent(responses::add);
        }
        if (responses.isEmpty()) {
            return Response.accepted().build();
        }
        return json(messages.batch() ? batch(responses) : responses.get(0).toString()).build();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context HttpHeaders headers, @Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        McpSession session = session(headers, security);
        EventStream[] holder = new EventStream[1];
        EventStream stream = new EventStream(sink, sse, () -> streams.remove(session, holder[0]));
        holder[0] = stream;
        streams.register(session, stream);
        stream.comment("stream open");
    }

    @DELETE
    public Response delete(@Context HttpHeaders headers, @Context SecurityContext security) {
        McpSession session = session(headers, security);
        streams.of(session).ifPresent(EventStream::close);
        sessions.delete(session);
        return Response.noContent().build();
    }

    private Response initialize(JsonRpcMessage initialize, SecurityContext security) {
        McpSession session = sessions.create(McpSession.Transport.STREAMABLE_HTTP, Principals.name(security));
        JsonObject response = dispatcher.dispatch(initialize, session, McpExchange.ClientChannel.NONE).orElseThrow();
        if (!session.isInitialized()) {
            sessions.delete(session);
            return json(response.toString()).build();
        }
        return json(response.toString()).header(SESSION_HEADER, session.id()).build();
    }

    private McpSession session(HttpHeaders headers, SecurityContext security) {
        String id = headers.getHeaderString(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Bad Request: the " + SESSION_HEADER + " header is required; send initialize first to get one");
        }
        McpSession session = sessions.find(id)
                .filter(found -> found.transport() == McpSession.Transport.STREAMABLE_HTTP && found.isInitialized())
                .orElseThrow(() -> McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                        "Session not found: it ended or never existed; send initialize to start a new one"));
        if (!session.principal().equals(Principals.name(security))) {
            throw McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                    "Session not found: it ended or never existed; send initialize to start a new one");
        }
        String version = headers.getHeaderString(VERSION_HEADER);
        if (version != null) {
            Optional<ProtocolVersion> declared = ProtocolVersion.of(version.trim());
            if (declared.isEmpty()) {
                throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                        "Bad Request: unsupported " + VERSION_HEADER + " " + version + "; supported: " + ProtocolVersion.ids());
            }
            if (declared.get() != session.protocolVersion()) {
                throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                        "Bad Request: " + VERSION_HEADER + " " + version + " differs from the version negotiated for this session, "
                                + session.protocolVersion().id());
            }
        }
        return session;
    }

    private static boolean isInitialize(JsonRpcBody messages) {
        boolean any = messages.messages().stream().anyMatch(message -> message instanceof JsonRpcMessage.Request request
                && LifecycleHandler.INITIALIZE.equals(request.method()));
        if (any && (messages.batch() || messages.messages().size() != 1)) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: initialize must be sent alone, not in a batch");
        }
        return any;
    }

    private static void requireAccept(HttpHeaders headers, MediaType... required) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : required) {
            if (accepted.stream().noneMatch(acceptable -> acceptable.isCompatible(type))) {
                throw McpHttpErrors.of(Response.Status.NOT_ACCEPTABLE, JsonRpcError.INVALID_REQUEST,
                        "Not Acceptable: the client must accept both application/json and text/event-stream");
            }
        }
    }

    private static Response.ResponseBuilder json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private static String batch(List<JsonObject> responses) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        responses.forEach(array::add);
        return array.build().toString();
    }
}
