package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.completion.PlainCompletion;
import org.jakartamcp.mcp.server.lifecycle.PlainLifecycle;
import org.jakartamcp.mcp.server.logging.PlainLogging;
import org.jakartamcp.mcp.server.mrtr.PlainInputRounds;
import org.jakartamcp.mcp.server.prompts.PlainPrompts;
import org.jakartamcp.mcp.server.resources.PlainResources;
import org.jakartamcp.mcp.server.tools.PlainTools;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.PlainSessions;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.testing.PlainBeans;
import org.jakartamcp.tools.math.ArithmeticTools;
import org.jakartamcp.tools.math.ConstantsResources;
import org.jakartamcp.tools.math.ExpressionTools;
import org.jakartamcp.tools.math.IntegerTools;
import org.jakartamcp.tools.math.LinearAlgebraTools;
import org.jakartamcp.tools.math.MathPrompts;
import org.jakartamcp.tools.math.StatisticsTools;
import org.jakartamcp.tools.math.UnitConversionTools;

/**
 * The dispatcher with the real method handlers and the math tools, resources, prompts and completions,
 * wired by hand instead of by CDI; only the database is left out (sessions live in memory, nothing
 * is audited). What is left is what a JSON-RPC message reaches on the server.
 */
public final class PlainMcpServer {

    private static final List<Class<?>> TOOL_CLASSES = List.of(ArithmeticTools.class, ExpressionTools.class, IntegerTools.class,
            LinearAlgebraTools.class, StatisticsTools.class, UnitConversionTools.class);

    /**
     * The limit on one tool call, 60 s on a real server: factorizing a hard 100-digit number uses all of it. At 1 s
     * a fuzz run is not spent waiting, and its time bound checks that every tool stops at the limit.
     */
    public static final int TOOL_TIME_LIMIT_SECONDS = 1;

    private final McpDispatcher dispatcher = new McpDispatcher();
    private final SessionStore sessions = PlainSessions.store();

    public PlainMcpServer() {
        this(new Object[0]);
    }

    /** With the tools of these beans besides the math tools (test fixtures such as tools limited to groups). */
    public PlainMcpServer(Object... extraToolBeans) {
        ServerInfo serverInfo = new ServerInfo();
        serverInfo.name = "jakarta-mcp-math";
        serverInfo.title = "Math tools";
        serverInfo.version = "0.1.0";
        serverInfo.instructions = "Exact math.";
        serverInfo.pageSize = 5;
        Object[] beans = java.util.stream.Stream.concat(java.util.stream.Stream.of(new ArithmeticTools(), new ExpressionTools(),
                new IntegerTools(), new LinearAlgebraTools(), new StatisticsTools(), new UnitConversionTools(), new ConstantsResources(),
                new MathPrompts()), java.util.Arrays.stream(extraToolBeans)).toArray();
        Class<?>[] toolClasses = java.util.stream.Stream.concat(TOOL_CLASSES.stream(),
                java.util.Arrays.stream(extraToolBeans).map(Object::getClass)).toArray(Class<?>[]::new);
        BeanMethods beanMethods = PlainBeans.methods(beans);
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        AuditTrail audit = new AuditTrail() {
            @Override
            public org.jakartamcp.platform.audit.AuditEvent record(String type, String actor, String detail) {
                return null;
            }

            @Override
            public void recordRepeated(String type, String actor, String detail) {
            }
        };
        McpLimits limits = new McpLimits();
        limits.maxBatchMessages = 50;
        limits.requestTimeLimitSeconds = 120;
        limits.maxConcurrentCallsPerUser = 8;
        limits.maxStreamsPerUser = 100;
        limits.maxClientCapabilitiesBytes = 16384;
        limits.maxClientInfoBytes = 4096;
        limits.maxSubscriptionsPerSession = 100;
        limits.maxSubscriptionUriLength = 2048;
        limits.createCounters();
        dispatcher.handlers = PlainBeans.instances(List.of(
                PlainLifecycle.handler(sessions, serverInfo, limits),
                PlainLogging.handler(sessions),
                PlainTools.handler(beanMethods, validator, serverInfo, audit, limits, TOOL_TIME_LIMIT_SECONDS, toolClasses),
                PlainResources.handler(beanMethods, serverInfo, limits, UnitConversionTools.class, ConstantsResources.class),
                PlainPrompts.handler(beanMethods, serverInfo, MathPrompts.class),
                PlainCompletion.handler(beanMethods, ConstantsResources.class, MathPrompts.class)));
        dispatcher.clientRequests = new ClientRequests();
        dispatcher.inputRounds = PlainInputRounds.create();
        dispatcher.metrics = PlainBeans.unmeasured();
        dispatcher.tracing = new org.jakartamcp.mcp.telemetry.McpTracing();
        dispatcher.signals = new org.jakartamcp.platform.cluster.ClusterSignals() {
            @Override
            public void publish(org.jakartamcp.platform.cluster.ClusterSignal.Topic topic, String subject) {
                // one instance, nobody to tell
            }
        };
        dispatcher.index();
    }

    /** The names of the tools this server offers. */
    public static List<String> toolNames() {
        return TOOL_CLASSES.stream().flatMap(type -> java.util.Arrays.stream(type.getMethods()))
                .filter(method -> method.isAnnotationPresent(org.jakartamcp.mcp.spi.Tool.class))
                .map(method -> method.getAnnotation(org.jakartamcp.mcp.spi.Tool.class).name().isEmpty() ? method.getName()
                        : method.getAnnotation(org.jakartamcp.mcp.spi.Tool.class).name())
                .sorted().toList();
    }

    /** A new, not yet initialized Streamable HTTP session; {@link #close} forgets it. */
    public McpSession open(String principal) {
        return sessions.create(McpSession.Transport.STREAMABLE_HTTP, principal);
    }

    public void close(McpSession session) {
        sessions.delete(session);
    }

    /** The answer to one message, as the transports get it (no channel back to the client). */
    public Optional<JsonObject> dispatch(JsonRpcMessage message, McpSession session, Caller caller) {
        return dispatcher.dispatch(message, session, caller, McpExchange.ClientChannel.NONE);
    }

    /** What the handlers declare about a method, as the transports ask it. */
    public McpMethod method(String name) {
        return dispatcher.method(name);
    }
}
