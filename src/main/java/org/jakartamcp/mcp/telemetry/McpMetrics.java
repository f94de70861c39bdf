package org.jakartamcp.mcp.telemetry;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.tools.ToolRegistry;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.telemetry.activity.ActivityCounters;
import org.jakartamcp.mcp.telemetry.activity.ActivityRecorder;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.mcp.transport.OpenStreams;

/**
 * The MCP conventions' metrics (OpenTelemetry semantic conventions for MCP), through MicroProfile Metrics:
 * {@code mcp.server.operation.duration} per method, tool, error type and protocol version, and
 * {@code mcp.server.session.duration}. The tags are OpenTelemetry's attribute names with {@code _} for
 * {@code .} (what a Prometheus exporter of OpenTelemetry writes too). A request costs an index computation
 * and, once per combination ever seen, the registration of its timer; never a lock of ours nor tag objects.
 * Tool calls are also counted for the administrators' activity page ({@link ActivityCounters}, in memory).
 * Dependent, so that the dispatcher calls it without a client proxy's context lookup: each instance keeps its own
 * array of the registry's timers, and the registry has one timer per name and tags, whichever instance asks.
 */
@Dependent
public class McpMetrics {

    public static final String OPERATION_DURATION = "mcp.server.operation.duration";
    public static final String SESSION_DURATION = "mcp.server.session.duration";

    private static final Logger LOG = Logger.getLogger(McpMetrics.class.getName());
    private static final Metadata OPERATION = Metadata.builder().withName(OPERATION_DURATION)
            .withDescription("Duration of the MCP requests and notifications this server handled").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata SESSION = Metadata.builder().withName(SESSION_DURATION)
            .withDescription("Duration of the MCP sessions that ended on this server (deleted or expired)").withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    @Inject
    Instance<McpMethodHandler> handlers;

    @Inject
    ToolRegistry tools;

    @Inject
    SessionStore sessions;

    @Inject
    OpenStreams streams;

    @Inject
    ActivityRecorder activityRecorder;

    private OperationSlots slots;
    private ActivityCounters activity;
    private AtomicReferenceArray<Timer> timers;
    private final AtomicReferenceArray<Timer> sessionTimers = new AtomicReferenceArray<>(OperationSlots.VERSIONS);

    @PostConstruct
    void index() {
        Set<String> methods = new HashSet<>();
        for (McpMethodHandler handler : handlers) {
            methods.addAll(handler.methods());
        }
        methods.add("notifications/cancelled");
        slots = new OperationSlots(methods, tools.names());
        timers = new AtomicReferenceArray<>(slots.size());
        activity = activityRecorder.counters();
    }

    /** Registers the gauges at start, so that they are there before the first MCP request. */
    void gauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            registerGauges();
        } catch (IllegalArgumentException e) {
            // another deployment of this WAR on the server registered them first (one without an mp.metrics.appName of its own:
            // the README says why it needs one)
            LOG.fine(() -> "Gauges not registered: " + e);
        }
    }

    private void registerGauges() {
        registry.gauge(Metadata.builder().withName("mcp.server.sessions.active")
                .withDescription("MCP sessions in use on this instance (held in its memory)").build(), sessions, SessionStore::cachedCount);
        registry.gauge(Metadata.builder().withName("mcp.server.streams.open")
                .withDescription("Event streams open on this instance (GET /mcp, GET /sse, streamed answers)").build(), streams, OpenStreams::count);
    }

    /**
     * A request was answered with {@code response} (a result or an error), or a notification was taken
     * ({@code response} null), {@code startNanos} ({@link System#nanoTime}) after it arrived.
     */
    public void handled(String method, JsonObject params, McpSession session, JsonObject response, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        int errorCode = 0;
        boolean toolError = false;
        String tool = null;
        boolean toolsCall = OperationSlots.TOOLS_CALL.equals(method);
        if (toolsCall && params != null) {
            tool = params.getString("name", null);
        }
        if (response != null) {
            JsonValue error = response.get("error");
            if (error instanceof JsonObject errorObject) {
                errorCode = errorObject.getInt("code", -1);
                if (errorCode == 0) {
                    errorCode = -1;
                }
            } else if (toolsCall && response.get("result") instanceof JsonObject result) {
                toolError = result.getBoolean("isError", false);
            }
        }
        int slot = slots.slot(method, tool, session == null ? null : session.protocolVersion(), errorCode, toolError);
        timer(slot).update(Duration.ofNanos(nanos));
        if (toolsCall) {
            // the activity page's counters: in memory here, written to the database by its own schedule
            activity.toolCall(tool, errorCode != 0 || toolError, nanos);
        }
    }

    /** A session ended on this server after this long. */
    public void sessionEnded(ProtocolVersion version, Duration lasted) {
        int slot = version == null ? 0 : version.ordinal() + 1;
        Timer timer = sessionTimers.get(slot);
        if (timer == null) {
            timer = registry.timer(SESSION, new Tag("mcp_protocol_version", version == null ? OperationSlots.NONE : version.id()));
            sessionTimers.set(slot, timer);
        }
        timer.update(lasted);
    }

    /** The bounded names this server tags metrics and spans with. */
    public OperationSlots slots() {
        return slots;
    }

    private Timer timer(int slot) {
        Timer timer = timers.get(slot);
        if (timer == null) {
            // the registry returns the one timer of these tags however often, and from however many threads, it is asked
            OperationSlots.Tags tags = slots.tags(slot);
            timer = registry.timer(OPERATION, new Tag("mcp_method_name", tags.method()), new Tag("gen_ai_tool_name", tags.tool()),
                    new Tag("error_type", tags.errorType()), new Tag("mcp_protocol_version", tags.protocolVersion()));
            timers.set(slot, timer);
        }
        return timer;
    }
}
