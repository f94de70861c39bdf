package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.UnaryOperator;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.logging.LogThreshold;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;

/**
 * 2026-07-28 requests answered with their own event stream: a tool call that may report progress or
 * log messages gets them there before its result, and the stream ends with the result; closing it is
 * the client's cancellation. The stream carries notifications only (requests to the client are
 * input-required results instead), is not resumable, and holds no thread beyond the call's own.
 * subscriptions/listen streams are {@link ListenStreams}'.
 */
@ApplicationScoped
class StatelessStreams {

    @Inject
    OpenStreams connections;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    ListenStreams listens;

    @Resource
    ManagedExecutorService executor;

    /**
     * Whether a (2026-07-28) body is answered with an event stream rather than one JSON document: a
     * listen, and a tool call that may send something the request asked for (progress with a
     * progressToken, log messages with a logLevel). Any other call has nothing to send before its
     * result, so it gets the cheaper JSON answer, whose errors also keep their HTTP statuses (-32021: 400).
     */
    boolean streams(JsonRpcBody body) {
        if (body.batch() || body.messages().size() != 1 || !(body.messages().get(0) instanceof JsonRpcMessage.Request request)) {
            return false;
        }
        if (ListenStreams.METHOD.equals(request.method())) {
            return true;
        }
        boolean asks = request.params().get("_meta") instanceof JsonObject meta
                && (meta.containsKey("progressToken") || meta.containsKey(LogThreshold.META_LOG_LEVEL));
        return asks && dispatcher.method(request.method()).talksToClient(request.params());
    }

    /** The log level a checked request's {@code _meta} asks for (null: no log messages); 400 with -32602 when it names no level. */
    static String logLevel(JsonRpcMessage.Request request) {
        try {
            return LogThreshold.requested(request.params().getJsonObject("_meta")).orElse(null);
        } catch (JsonRpcError e) {
            throw new WebApplicationException(McpHttpErrors.response(Response.Status.BAD_REQUEST, request.id(), e));
        }
    }

    /**
     * Answers a validated request on its stream; {@code finish} turns the dispatcher's response into
     * the one this protocol sends.
     */
    void answer(JsonRpcMessage.Request request, McpSession session, Caller caller, SseEventSink sink, Sse sse,
                UnaryOperator<JsonObject> finish) {
        if (ListenStreams.METHOD.equals(request.method())) {
            listens.open(request, session, sink, sse);
            return;
        }
        OpenStreams.Place place = connections.reserve(caller.principal());
        // a stream closed before the result is the client's cancellation; after it, nothing is running any more
        EventStream stream = connections.open(place, session, sink, sse, () -> dispatcher.dispatch(new JsonRpcMessage.Notification(
                "notifications/cancelled", JSON.createObjectBuilder().add("requestId", request.id()).build()),
                session, caller, McpExchange.ClientChannel.NONE));
        McpExchange.ClientChannel channel = new McpExchange.ClientChannel() {
            @Override
            public void send(JsonObject message) {
                stream.send(null, message.toString());
            }

            @Override
            public boolean isOpen() {
                return stream.isOpen();
            }

            @Override
            public boolean carriesRequests() {
                return false;
            }
        };
        executor.execute(() -> {
            try {
                dispatcher.dispatch(request, session, caller, channel).map(finish).ifPresent(response -> stream.send(null, response.toString()));
            } finally {
                stream.close();
            }
        });
    }
}
