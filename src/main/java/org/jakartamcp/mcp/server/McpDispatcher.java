package org.jakartamcp.mcp.server;

import org.jakartamcp.platform.errors.Incidents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.mrtr.InputRounds;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.telemetry.McpMetrics;
import org.jakartamcp.mcp.telemetry.McpTracing;
import org.jakartamcp.mcp.telemetry.OperationSlots;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.telemetry.LogTrace;

/**
 * Routes each message to the handler of its method, enforces the lifecycle, keeps track of the
 * requests in flight so that {@code notifications/cancelled} reaches them, and turns every failure
 * into the JSON-RPC error the client should see.
 */
@ApplicationScoped
public class McpDispatcher {

    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());
    static final String CANCELLED = "notifications/cancelled";
    private static final int MAX_LOGGED_ID = 64;

    @Inject
    Instance<McpMethodHandler> handlers;

    @Inject
    ClientRequests clientRequests;

    @Inject
    InputRounds inputRounds;

    @Inject
    McpMetrics metrics;

    @Inject
    McpTracing tracing;

    /** Whether MCP requests are traced, fixed at start: when not, a request costs no more than this test. */
    private boolean traced;

    @Inject
    ClusterSignals signals;

    private final Map<String, McpMethod> byMethod = new HashMap<>();
    private final Map<InFlightKey, McpExchange> inFlight = new ConcurrentHashMap<>();

    @PostConstruct
    void index() {
        traced = tracing.on();
        for (McpMethodHandler handler : handlers) {
            for (String method : handler.methods()) {
                McpMethod previous = byMethod.put(method, McpMethod.of(method, handler));
                if (previous != null) {
                    throw new IllegalStateException(method + " is handled by both " + previous.handler() + " and " + handler);
                }
            }
        }
    }

    /** What the handler of this method declares about it; for an unknown method, what denies the most. */
    public McpMethod method(String name) {
        McpMethod method = byMethod.get(name);
        return method != null ? method : McpMethod.unknown(name);
    }

    /** How many requests are being answered on this instance now. */
    public int inFlight() {
        return inFlight.size();
    }

    /** The response to a request, or empty for a notification or a client's response. */
    public Optional<JsonObject> dispatch(JsonRpcMessage message, McpSession session, Caller caller, McpExchange.ClientChannel channel) {
        if (message instanceof JsonRpcMessage.Invalid invalid) {
            return Optional.of(JsonRpcResponses.error(invalid.id(), invalid.error()));
        }
        if (message instanceof JsonRpcMessage.Notification notification) {
            long start = System.nanoTime();
            if (traced) {
                tracing.notification(notification.method(), notification.params(), session,
                        () -> notification(notification, session, caller, channel));
            } else {
                notification(notification, session, caller, channel);
            }
            metrics.handled(notification.method(), notification.params(), session, null, start);
            return Optional.empty();
        }
        if (message instanceof JsonRpcMessage.Request request) {
            long start = System.nanoTime();
            JsonObject response = traced
                    ? tracing.request(request.method(), request.params(), request.id(), session,
                            () -> logged(request, request(request, session, caller, channel), start))
                    : logged(request, request(request, session, caller, channel), start);
            metrics.handled(request.method(), request.params(), session, response, start);
            return Optional.of(response);
        }
        if (message instanceof JsonRpcMessage.Response response && !clientRequests.complete(session, response)
                && !clientRequests.relay(session, response)) {
            LOG.fine(() -> "A response nobody waits for: " + response.id() + LogTrace.tag());
        }
        return Optional.empty();
    }

    /**
     * At FINE (LOG_TRACE_SPECIFICATION=org.jakartamcp.mcp.server.McpDispatcher=fine), one line per request, written
     * inside its span so that it names its trace; otherwise one level test. What the client chose is bounded: the
     * method and tool as the metrics name them (a name the server does not know is "other"), the id cut short.
     */
    private JsonObject logged(JsonRpcMessage.Request request, JsonObject response, long start) {
        if (LOG.isLoggable(Level.FINE)) {
            OperationSlots slots = metrics.slots();
            String tool = OperationSlots.TOOLS_CALL.equals(request.method()) && request.params() != null
                    && request.params().get("name") instanceof JsonString name ? " " + slots.toolName(name.getString()) : "";
            String id = String.valueOf(request.id());
            String outcome = response.get("error") instanceof JsonObject error ? "error " + error.getInt("code", 0) : "answered";
            LOG.fine("MCP request " + (id.length() > MAX_LOGGED_ID ? id.substring(0, MAX_LOGGED_ID) + "..." : id) + " "
                    + slots.methodName(request.method()) + tool + ": " + outcome + " in " + (System.nanoTime() - start) / 1_000
                    + " us" + LogTrace.tag());
        }
        return response;
    }

    private JsonObject request(JsonRpcMessage.Request request, McpSession session, Caller caller, McpExchange.ClientChannel channel) {
        McpExchange exchange = new McpExchange(session, caller, request.id(), channel, clientRequests);
        InFlightKey key = new InFlightKey(session, request.id());
        try {
            McpMethod method = byMethod.get(request.method());
            if (method == null) {
                throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method());
            }
            if (!method.stateless() && session.protocolVersion() != null && session.protocolVersion().isStateless()) {
                throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()
                        + " is not part of protocol " + session.protocolVersion().id());
            }
            McpMethodHandler handler = method.handler();
            if (!session.isInitialized() && !handler.allowedBeforeInitialize(request.method())) {
                throw JsonRpcError.invalidRequest("Invalid Request: the session is not initialized; send initialize first");
            }
            inFlight.put(key, exchange);
            return JsonRpcResponses.result(request.id(), inputRounds.answer(request.method(), request.params(), exchange,
                    () -> handler.request(request.method(), request.params(), exchange)));
        } catch (JsonRpcError e) {
            return JsonRpcResponses.error(request.id(), e);
        } catch (Cancellation.CancelledException e) {
            return JsonRpcResponses.error(request.id(), new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Request cancelled"));
        } catch (RuntimeException e) {
            return JsonRpcResponses.error(request.id(), internalError(request.method(), e));
        } finally {
            inFlight.remove(key);
        }
    }

    private void notification(JsonRpcMessage.Notification notification, McpSession session, Caller caller,
                              McpExchange.ClientChannel channel) {
        if (CANCELLED.equals(notification.method())) {
            JsonValue requestId = notification.params().get("requestId");
            McpExchange running = requestId == null ? null : inFlight.get(new InFlightKey(session, requestId));
            if (running != null) {
                running.cancel();
            } else if (requestId != null && !session.isStateless()) {
                // not running here: behind a load balancer it may run on another instance, which the signal reaches
                signals.publish(ClusterSignal.Topic.CALL_CANCELLED, CallRef.of(session.idHash(), requestId).subject());
            }
            return;
        }
        McpMethod method = byMethod.get(notification.method());
        if (method == null) {
            return; // unknown notifications are ignored, as JSON-RPC allows
        }
        try {
            method.handler().notification(notification.method(), notification.params(), new McpExchange(session, caller, null, channel, clientRequests));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification " + notification.method() + " failed" + LogTrace.tag(), e);
        }
    }

    /**
     * A session that ended takes its running requests with it: they are cancelled, since nobody can
     * receive their results. (An HTTP+SSE session ends when its stream closes; a Streamable HTTP one
     * when the client deletes it or it expires, not when a connection drops, which the spec says is no
     * cancellation, nor when this instance only drops it from its cache.)
     */
    void sessionEnded(@Observes SessionEnded ended) {
        if (!ended.deleted()) {
            return;
        }
        inFlight.forEach((key, exchange) -> {
            if (key.session() == ended.session()) {
                exchange.cancel();
            }
        });
    }

    /** A client cancelled, through another instance, a call that may be running here. */
    void onSignal(@Observes ClusterSignal signal) {
        if (signal.topic() == ClusterSignal.Topic.CALL_CANCELLED) {
            CallRef.ofSubject(signal.subject()).ifPresent(call -> inFlight.forEach((key, exchange) -> {
                if (call.names(key.session().idHash(), key.id())) {
                    exchange.cancel();
                }
            }));
        }
    }

    private static JsonRpcError internalError(String method, RuntimeException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "The database is unavailable; try again shortly");
        }
        String incident = Incidents.log(LOG, method, e);
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Internal error (incident " + incident + ")");
    }

    /** Request ids are unique per session only. */
    private record InFlightKey(McpSession session, JsonValue id) {
    }
}
