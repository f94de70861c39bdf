package org.jakartamcp.platform.telemetry;

import java.util.function.Supplier;

/**
 * The trace a log line belongs to, for the lines written while a request is handled: {@link #tag()} is
 * {@code " [trace_id=<32 hex> span_id=<16 hex>]"} (the field names OpenTelemetry recommends for trace context in
 * logs that are not OTLP) when the server traces and a span is current, else empty. Liberty writes the line's text as
 * it is, in its basic format and in the {@code message} field of its JSON format, so the tag lets an operator find
 * a trace's lines and a line's trace. Without tracing it costs one volatile read, on logging paths only; the
 * telemetry code (the one place that knows the OpenTelemetry API) sets the source once it knows the server traces.
 */
public final class LogTrace {

    private static final Supplier<String> NONE = () -> "";
    private static volatile Supplier<String> source = NONE;

    private LogTrace() {
    }

    /** The current span's tag, or empty when nothing is traced. */
    public static String tag() {
        return source.get();
    }

    /** Where tags come from while the application runs; null when it stops tracing. */
    public static void from(Supplier<String> tags) {
        source = tags == null ? NONE : tags;
    }
}
