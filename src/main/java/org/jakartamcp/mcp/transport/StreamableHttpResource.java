package org.jakartamcp.mcp.transport;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.RequestBudget;
import org.jakartamcp.mcp.server.lifecycle.LifecycleHandler;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.session.SessionStore;

/**
 * The Streamable HTTP transport (MCP 2025-03-26 and later) at {@code /mcp}, and at {@code /sse}, the
 * quick-start URL, so that a client there gets the best transport it speaks: POST carries client
 * messages and is answered with JSON or, for calls that talk to the client, an event stream; GET
 * opens the server's stream or resumes a dropped one (Last-Event-ID); DELETE ends the session. A GET
 * to {@code /sse} without a session is an HTTP+SSE client (2024-11-05) opening its stream.
 * One instance per endpoint serves all requests: its injected resources, the request and security context
 * among them, are looked up once, not per request, and each endpoint has a literal path, which JAX-RS
 * matches without a regular expression.
 */
public abstract class StreamableHttpResource {

    /** The /mcp endpoint. */
    @Path(McpEndpoints.MCP)
    @McpTransport
    @ApplicationScoped
    public static class AtMcp extends StreamableHttpResource {
        @Override
        String endpoint() {
            return McpEndpoints.MCP;
        }
    }

    /** The /sse endpoint: the same transport, and the stream of HTTP+SSE clients. */
    @Path(McpEndpoints.SSE)
    @McpTransport
    @ApplicationScoped
    public static class AtSse extends StreamableHttpResource {
        @Override
        String endpoint() {
            return McpEndpoints.SSE;
        }
    }

    /** Proxies to the current request's, injected once into this shared instance. */
    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Inject
    SessionStore sessions;

    @Inject
    StreamableHttpSessions resolver;

    @Inject
    OpenStreams connections;

    @Inject
    ResumableStreams streams;

    @Inject
    FollowedStreams followed;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    StatelessRequests stateless;

    @Inject
    McpLimits limits;

    @Inject
    SseTransportResource httpSse;

    @Resource
    ManagedExecutorService executor;

    abstract String endpoint();

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@HeaderParam(StreamableHttpSessions.VERSION_HEADER) String version) {
        StreamableHttpPost posted = StreamableHttpPost.of(request);
        requireAcceptsBoth(posted.accepted());
        JsonRpcBody messages = posted.body();
        requireBatchWithinLimit(messages);
        if (StatelessRequests.isStateless(version, messages)) {
            return stateless.answer(messages, request::getHeader, security);
        }
        if (isInitialize(messages)) {
            return initialize(messages.messages().get(0));
        }
        McpSession session = posted.session();
        if (messages.batch() && !session.protocolVersion().allowsBatches()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not allowed in protocol version " + session.protocolVersion().id());
        }
        List<JsonObject> responses = new ArrayList<>();
        Caller caller = Principals.caller(security);
        RequestBudget budget = RequestBudget.starting(limits.requestTimeLimit());
        for (JsonRpcMessage message : messages.messages()) {
            budget.refusal(message).or(() -> dispatcher.dispatch(message, session, caller, McpExchange.ClientChannel.NONE))
                    .ifPresent(responses::add);
        }
        if (responses.isEmpty()) {
            return Response.accepted().build();
        }
        return json(messages.batch() ? batch(responses) : responses.get(0).toString()).build();
    }

    /** A call that may send progress, log messages or requests before its result: answered on its own event stream. */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void postStreaming(@HeaderParam(StreamableHttpSessions.VERSION_HEADER) String version,
                              @Context SseEventSink sink, @Context Sse sse) {
        StreamableHttpPost posted = StreamableHttpPost.of(request);
        if (StatelessRequests.isStateless(version, posted.body())) {
            stateless.stream(posted.body(), request::getHeader, security, sink, sse);
            return;
        }
        McpSession session = posted.session();
        JsonRpcMessage call = posted.body().messages().get(0);
        Caller caller = Principals.caller(security);
        OpenStreams.Place place = connections.reserve(caller.principal());
        ResumableStream stream = streams.create(session);
        stream.start(connections.open(place, session, sink, sse, () -> { }));
        // Closing the connection does not cancel the call (the spec: disconnection is not cancellation;
        // the client may resume the stream); its time limit and the user's concurrent-call limit bound it.
        executor.execute(() -> {
            try {
                dispatcher.dispatch(call, session, caller, stream).ifPresent(stream::send);
            } finally {
                stream.complete();
            }
        });
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context UriInfo uri,
                       @HeaderParam(StreamableHttpSessions.SESSION_HEADER) String sessionId,
                       @HeaderParam(StreamableHttpSessions.VERSION_HEADER) String version,
                       @HeaderParam("Last-Event-ID") String lastEventId) {
        if (version != null && ProtocolVersion.of(version.trim()).map(ProtocolVersion::isStateless).orElse(false)) {
            throw McpHttpErrors.of(Response.Status.METHOD_NOT_ALLOWED, JsonRpcError.INVALID_REQUEST,
                    "Method Not Allowed: protocol 2026-07-28 has no server stream");
        }
        if (McpEndpoints.SSE.equals(endpoint()) && (sessionId == null || sessionId.isBlank())) {
            httpSse.open(sink, sse, uri, security);
            return;
        }
        McpSession session = resolver.resolve(sessionId, version, security);
        if (lastEventId == null || lastEventId.isBlank()) {
            streams.standalone(session).start(connections.open(connections.reserve(session.principal()), session, sink, sse, () -> { }));
            return;
        }
        long after = eventId(lastEventId);
        OpenStreams.Place place = connections.reserve(session.principal());
        String streamId;
        try {
            streamId = streams.streamOf(session, after).orElseThrow(() -> McpHttpErrors.of(Response.Status.NOT_FOUND,
                    JsonRpcError.INVALID_REQUEST, "Not Found: no event " + lastEventId + " in this session to resume after"));
        } catch (RuntimeException e) {
            place.release();
            throw e;
        }
        Optional<ResumableStream> live = streams.live(session, streamId);
        if (live.isPresent()) {
            live.get().resume(connections.open(place, session, sink, sse, () -> { }), after);
        } else if (ResumableStreams.STANDALONE.equals(streamId)) {
            // the session's standalone stream lasts as long as the session, on whichever instance holds its GET
            streams.standalone(session).resume(connections.open(place, session, sink, sse, () -> { }), after);
        } else {
            // a call's stream written by another instance (or by none any more): what was stored, then what follows
            followed.follow(session, streamId, after, onClose -> connections.open(place, session, sink, sse, onClose));
        }
    }

    @DELETE
    public Response delete(@HeaderParam(StreamableHttpSessions.SESSION_HEADER) String sessionId,
                           @HeaderParam(StreamableHttpSessions.VERSION_HEADER) String version) {
        McpSession session = resolver.resolve(sessionId, version, security);
        sessions.delete(session);
        return Response.noContent().build();
    }

    private Response initialize(JsonRpcMessage initialize) {
        Caller caller = Principals.caller(security);
        McpSession session = sessions.create(McpSession.Transport.STREAMABLE_HTTP, caller.principal());
        JsonObject response = dispatcher.dispatch(initialize, session, caller, McpExchange.ClientChannel.NONE).orElseThrow();
        if (!session.isInitialized()) {
            sessions.delete(session);
            return json(response.toString()).build();
        }
        return json(response.toString()).header(StreamableHttpSessions.SESSION_HEADER, session.id()).build();
    }

    /** A batch larger than the limit is refused whole, before any of its messages runs. */
    private void requireBatchWithinLimit(JsonRpcBody messages) {
        if (messages.batch() && messages.messages().size() > limits.maxBatchMessages()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST, "Invalid Request: a batch may hold at most "
                    + limits.maxBatchMessages() + " messages; this one has " + messages.messages().size() + ". Send it in parts");
        }
    }

    private static long eventId(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Bad Request: Last-Event-ID " + lastEventId + " is not an event id of this server");
        }
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

    private static void requireAcceptsBoth(List<MediaType> accepted) {
        if (!accepts(accepted, MediaType.APPLICATION_JSON_TYPE) || !accepts(accepted, MediaType.SERVER_SENT_EVENTS_TYPE)) {
            throw McpHttpErrors.of(Response.Status.NOT_ACCEPTABLE, JsonRpcError.INVALID_REQUEST,
                    "Not Acceptable: the client must accept both application/json and text/event-stream");
        }
    }

    /** A loop, not a stream: every POST asks twice (the streams were a percent of a tool call). */
    private static boolean accepts(List<MediaType> accepted, MediaType type) {
        for (MediaType acceptable : accepted) {
            if (acceptable.isCompatible(type)) {
                return true;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
    }

    private static String batch(List<JsonObject> responses) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        responses.forEach(array::add);
        return array.build().toString();
    }
}
