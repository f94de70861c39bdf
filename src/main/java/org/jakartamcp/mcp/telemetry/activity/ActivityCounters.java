package org.jakartamcp.mcp.telemetry.activity;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jakartamcp.mcp.telemetry.OperationSlots;

/**
 * This instance's tool calls since it started, counted in memory: calls and errors by tool (the bounded names of
 * {@link OperationSlots}: a tool not known at start counts as "other") and a latency histogram of fixed buckets. A call
 * costs three adder increments, no lock and no allocation; the flush reads the running totals and works out each
 * minute's share itself, so nothing is ever reset under a caller's feet.
 */
public final class ActivityCounters {

    /** Running totals, each array indexed like {@link #tools()} (latency: like {@link LatencyBuckets}). */
    public record Totals(long[] calls, long[] errors, long[] latency) {
    }

    private final OperationSlots names;
    private final LongAdder[] calls;
    private final LongAdder[] errors;
    private final LongAdder[] latency = adders(LatencyBuckets.COUNT);

    public ActivityCounters(Collection<String> tools) {
        names = new OperationSlots(List.of(), tools);
        calls = adders(names.tools().size());
        errors = adders(names.tools().size());
    }

    /** The tools counted, sorted, "other" last. */
    public List<String> tools() {
        return names.tools();
    }

    /** A tools/call of {@code tool} (any text) was answered after {@code nanos}; {@code failed}: with an error or isError. */
    public void toolCall(String tool, boolean failed, long nanos) {
        int index = names.toolIndex(tool);
        calls[index].increment();
        if (failed) {
            errors[index].increment();
        }
        latency[LatencyBuckets.bucket(nanos)].increment();
    }

    public Totals totals() {
        return new Totals(sums(calls), sums(errors), sums(latency));
    }

    private static LongAdder[] adders(int size) {
        LongAdder[] adders = new LongAdder[size];
        for (int i = 0; i < size; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    private static long[] sums(LongAdder[] adders) {
        long[] sums = new long[adders.length];
        for (int i = 0; i < adders.length; i++) {
            sums[i] = adders[i].sum();
        }
        return sums;
    }
}
