package org.jakartamcp.mcp.telemetry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.platform.telemetry.LogTrace;

/**
 * One SERVER span per MCP request or notification, named and attributed as OpenTelemetry's conventions for MCP say,
 * when the server traces (MicroProfile Telemetry with {@code OTEL_SDK_DISABLED=false}). Off otherwise: then
 * {@link #on()} is false and the dispatcher does not come here at all. Also off where the OpenTelemetry API is not
 * visible to the application (a server without the telemetry feature, a deployment without third-party API access):
 * only {@link OpenTelemetrySpans} names its types, and it is loaded only once that API is known to be there.
 * While it traces, the lines logged during a request name its trace ({@link LogTrace}).
 */
@ApplicationScoped
public class McpTracing {

    private static final Logger LOG = Logger.getLogger(McpTracing.class.getName());
    private static final String API = "io.opentelemetry.api.OpenTelemetry";

    @Inject
    McpMetrics metrics;

    private McpSpans spans;

    @PostConstruct
    void start() {
        try {
            Class.forName(API, false, McpTracing.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.fine("No OpenTelemetry API here: MCP requests are not traced");
            return;
        }
        try {
            spans = OpenTelemetrySpans.ifTracing(metrics.slots());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "OpenTelemetry is not usable here: MCP requests are not traced", e);
        }
        if (spans != null) {
            LogTrace.from(OpenTelemetrySpans::logTag);
            LOG.info("MCP requests and notifications are traced (OpenTelemetry)");
        }
    }

    @PreDestroy
    void stop() {
        if (spans != null) {
            LogTrace.from(null);
        }
    }

    /** Whether spans are made: fixed at start. */
    public boolean on() {
        return spans != null;
    }

    /** Handles a request inside its span, which ends with what {@code handling} answers. Only when {@link #on()}. */
    public JsonObject request(String method, JsonObject params, JsonValue id, McpSession session, Supplier<JsonObject> handling) {
        return spans.request(method, params, id, session, handling);
    }

    /** Takes a notification inside its span. Only when {@link #on()}. */
    public void notification(String method, JsonObject params, McpSession session, Runnable handling) {
        spans.notification(method, params, session, handling);
    }

    /** What makes the spans; its implementation is the one class that uses the OpenTelemetry API. */
    interface McpSpans {
        JsonObject request(String method, JsonObject params, JsonValue id, McpSession session, Supplier<JsonObject> handling);

        void notification(String method, JsonObject params, McpSession session, Runnable handling);
    }
}
