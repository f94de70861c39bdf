package org.jakartamcp.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Log lines name a trace only while the telemetry code says where tags come from. */
class LogTraceTest {

    @AfterEach
    void untraced() {
        LogTrace.from(null);
    }

    @Test
    void withoutTracingALineGetsNothing() {
        assertEquals("", LogTrace.tag());
    }

    @Test
    void whileTracingALineGetsTheCurrentTagAndNothingOnceTracingStops() {
        String[] current = {" [trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7]"};
        LogTrace.from(() -> current[0]);
        assertEquals(" [trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7]", LogTrace.tag());
        current[0] = "";
        assertEquals("", LogTrace.tag(), "no span current: the source says so");

        LogTrace.from(null);
        current[0] = " [trace_id=ffffffffffffffffffffffffffffffff span_id=ffffffffffffffff]";
        assertEquals("", LogTrace.tag());
    }
}
