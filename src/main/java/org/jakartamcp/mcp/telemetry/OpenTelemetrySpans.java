package org.jakartamcp.mcp.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.function.Supplier;
import org.jakartamcp.mcp.session.McpSession;

/**
 * The spans, through the OpenTelemetry API of MicroProfile Telemetry. The parent is the context a client put in
 * {@code params._meta} ({@code traceparent}, {@code tracestate}, as the conventions and SEP-414 say), read with the
 * configured propagators; without one, the HTTP request's span. With one, the HTTP request's span is linked.
 * Span names use only bounded values (a known tool's name, the method or "other"); attributes carry what the client
 * sent, cut to {@link #MAX_ATTRIBUTE_LENGTH}. The session is named by its hash: the id itself is a credential.
 */
final class OpenTelemetrySpans implements McpTracing.McpSpans {

    static final int MAX_ATTRIBUTE_LENGTH = 256;
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> RESOURCE = AttributeKey.stringKey("mcp.resource.uri");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    static final AttributeKey<String> SESSION = AttributeKey.stringKey("mcp.session.id");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    static final AttributeKey<String> NETWORK_PROTOCOL = AttributeKey.stringKey("network.protocol.name");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey("rpc.response.status_code");

    private static final TextMapGetter<JsonObject> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonObject meta) {
            return meta.keySet();
        }

        @Override
        public String get(JsonObject meta, String key) {
            return meta != null && meta.get(key) instanceof JsonString value ? value.getString() : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final OperationSlots slots;

    private OpenTelemetrySpans(OpenTelemetry openTelemetry, OperationSlots slots) {
        this.tracer = openTelemetry.getTracer("org.jakartamcp.mcp");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.slots = slots;
    }

    /**
     * The spans of the server's OpenTelemetry, or null when it does not trace: the SDK is disabled (the default), so
     * its spans are all invalid. A span started to find out and never ended is never exported.
     */
    static OpenTelemetrySpans ifTracing(OperationSlots slots) {
        OpenTelemetry openTelemetry = CDI.current().select(OpenTelemetry.class).get();
        boolean tracing = openTelemetry.getTracer("org.jakartamcp.mcp").spanBuilder("probe").setNoParent().startSpan()
                .getSpanContext().isValid();
        return tracing ? new OpenTelemetrySpans(openTelemetry, slots) : null;
    }

    @Override
    public JsonObject request(String method, JsonObject params, JsonValue id, McpSession session, Supplier<JsonObject> handling) {
        Span span = start(method, params, session);
        if (id instanceof JsonString text) {
            span.setAttribute(REQUEST_ID, bounded(text.getString()));
        } else if (id instanceof JsonNumber number) {
            span.setAttribute(REQUEST_ID, number.toString());
        }
        JsonObject response = null;
        try (Scope scope = span.makeCurrent()) {
            response = handling.get();
            return response;
        } finally {
            outcome(span, method, response);
            span.end();
        }
    }

    @Override
    public void notification(String method, JsonObject params, McpSession session, Runnable handling) {
        Span span = start(method, params, session);
        try (Scope scope = span.makeCurrent()) {
            handling.run();
        } finally {
            span.end();
        }
    }

    private Span start(String method, JsonObject params, McpSession session) {
        String tool = null;
        if (OperationSlots.TOOLS_CALL.equals(method) && params != null) {
            tool = params.getString("name", null);
        }
        String name = slots.methodName(method);
        if (tool != null && !OperationSlots.OTHER.equals(slots.toolName(tool))) {
            name = name + " " + tool;
        }
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, bounded(method))
                .setAttribute(NETWORK_TRANSPORT, "tcp")
                .setAttribute(NETWORK_PROTOCOL, "http");
        JsonObject meta = params == null || !(params.get("_meta") instanceof JsonObject found) ? null : found;
        Context parent = meta == null ? Context.current() : propagator.extract(Context.root(), meta, META);
        Span remote = Span.fromContext(parent);
        if (remote.getSpanContext().isValid()) {
            builder.setParent(parent);
            Span transport = Span.current();
            if (meta != null && transport.getSpanContext().isValid()) {
                builder.addLink(transport.getSpanContext());
            }
        } else {
            builder.setParent(Context.current());
        }
        if (tool != null) {
            builder.setAttribute(TOOL, bounded(tool)).setAttribute(OPERATION, "execute_tool");
        } else if (params != null && "prompts/get".equals(method)) {
            String prompt = params.getString("name", null);
            if (prompt != null) {
                builder.setAttribute(PROMPT, bounded(prompt));
            }
        } else if (params != null && method != null && method.startsWith("resources/")) {
            String uri = params.getString("uri", null);
            if (uri != null) {
                builder.setAttribute(RESOURCE, bounded(uri));
            }
        }
        if (session != null) {
            if (!session.isStateless() && session.idHash() != null) {
                builder.setAttribute(SESSION, session.idHash());
            }
            if (session.protocolVersion() != null) {
                builder.setAttribute(PROTOCOL_VERSION, session.protocolVersion().id());
            }
        }
        return builder.startSpan();
    }

    /** error.type and the status: the JSON-RPC error's code and message, or tool_error for a tool's own error. */
    private static void outcome(Span span, String method, JsonObject response) {
        if (response == null) {
            span.setAttribute(ERROR_TYPE, OperationSlots.OTHER_ERROR);
            span.setStatus(StatusCode.ERROR);
        } else if (response.get("error") instanceof JsonObject error) {
            String code = String.valueOf(error.getInt("code", 0));
            span.setAttribute(ERROR_TYPE, code);
            span.setAttribute(STATUS_CODE, code);
            span.setStatus(StatusCode.ERROR, bounded(error.getString("message", "")));
        } else if (OperationSlots.TOOLS_CALL.equals(method) && response.get("result") instanceof JsonObject result
                && result.getBoolean("isError", false)) {
            span.setAttribute(ERROR_TYPE, OperationSlots.TOOL_ERROR);
            span.setStatus(StatusCode.ERROR);
        }
    }

    /** The tag of {@link org.jakartamcp.platform.telemetry.LogTrace}: the current span's ids, if it has any. */
    static String logTag() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? " [trace_id=" + current.getTraceId() + " span_id=" + current.getSpanId() + "]" : "";
    }

    private static String bounded(String value) {
        return value == null || value.length() <= MAX_ATTRIBUTE_LENGTH ? value : value.substring(0, MAX_ATTRIBUTE_LENGTH);
    }
}
