package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.session.RelayedMessages;
import org.jakartamcp.mcp.session.SessionStore;

/**
 * The HTTP+SSE transport of MCP 2024-11-05, the one older clients (and {@code mcp-remote
 * --transport sse-only}) use at {@code /sse}: a GET without a session opens the stream and names the
 * message endpoint (the GET comes through {@link StreamableHttpResource}, which owns {@code /sse}
 * since a POST there is Streamable HTTP); POSTs to the message endpoint are accepted with 202 and
 * answered on the stream. It carries the legacy protocol only ({@link HttpSseEra}). A POST that reaches another
 * instance than the stream's (a load balancer without sticky sessions) is relayed to it through PostgreSQL.
 */
@Path(McpEndpoints.MESSAGE)
@McpTransport
@ApplicationScoped
public class SseTransportResource {

    @Inject
    McpAccess access;

    @Inject
    SessionStore sessions;

    @Inject
    OpenStreams streams;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    McpRequestReader reader;

    @Inject
    RelayedMessages relayed;

    /** Opens an HTTP+SSE session and its stream; the first event names where to POST. */
    public void open(SseEventSink sink, Sse sse, UriInfo uri, SecurityContext security) {
        OpenStreams.Place place = streams.reserve(Principals.name(security));
        McpSession session;
        try {
            session = sessions.create(McpSession.Transport.SSE, Principals.name(security));
        } catch (RuntimeException e) {
            place.release();
            throw e;
        }
        EventStream stream = streams.open(place, session, sink, sse, () -> closed(session));
        streams.bind(session, stream);
        String endpoint = uri.getBaseUri().getRawPath() + McpEndpoints.MESSAGE + "?sessionId=" + session.id();
        stream.send("endpoint", endpoint);
    }

    @POST
    public Response message(@QueryParam("sessionId") String sessionId, @Context HttpHeaders headers,
                            @Context SecurityContext security, InputStream body) {
        McpSession session = sessions.find(sessionId)
                .filter(found -> found.transport() == McpSession.Transport.SSE)
                .orElseThrow(() -> McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                        "Session not found: open a new one with GET /sse"));
        if (!session.principal().equals(Principals.name(security))) {
            throw McpHttpErrors.of(Response.Status.FORBIDDEN, JsonRpcError.INVALID_REQUEST, "Forbidden: the session belongs to another user");
        }
        Optional<EventStream> here = streams.of(session).filter(EventStream::isOpen);
        if (here.isEmpty() && !sessions.isStreamOpenElsewhere(session)) {
            throw McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                    "Session not found: its event stream is closed; open a new one with GET /sse");
        }
        String text = reader.text(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), headers.getLength(), body);
        JsonRpcBody messages = reader.parse(text);
        access.requireScopes(messages, security, "sse");
        if (messages.batch()) {
            throw McpHttpErrors.of(Response.Status.BAD_REQUEST, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: batches are not supported on the HTTP+SSE transport");
        }
        Caller caller = Principals.caller(security);
        if (here.isPresent()) {
            answer(session, here.get(), messages, caller);
        } else {
            // behind a load balancer without sticky sessions: the instance holding the stream answers on it
            if (!relayed.relay(session, caller, text)) {
                throw McpHttpErrors.of(Response.Status.NOT_FOUND, JsonRpcError.INVALID_REQUEST,
                        "Session not found: open a new one with GET /sse");
            }
        }
        return Response.accepted().build();
    }

    /** Answers the messages on the session's stream: of a POST here, or relayed from another instance ({@link SseRelay}). */
    void answer(McpSession session, EventStream stream, JsonRpcBody messages, Caller caller) {
        McpExchange.ClientChannel channel = new StreamChannel(stream);
        for (JsonRpcMessage message : messages.messages()) {
            HttpSseEra.refusal(message).or(() -> dispatcher.dispatch(message, session, caller, channel)).ifPresent(channel::send);
        }
    }

    /**
     * An HTTP+SSE session lives as long as its stream: when the client goes, the session ends, and
     * with it the calls it still has running (they are cancelled: nobody can receive their results).
     */
    private void closed(McpSession session) {
        sessions.ending(session);
        streams.unbind(session);
        streams.afterClose(() -> sessions.delete(session));
    }

    /** Messages for the client of an HTTP+SSE session go out as "message" events on its stream. */
    record StreamChannel(EventStream stream) implements McpExchange.ClientChannel {
        @Override
        public void send(JsonObject message) {
            stream.send("message", message.toString());
        }

        @Override
        public boolean isOpen() {
            return stream.isOpen();
        }
    }
}
