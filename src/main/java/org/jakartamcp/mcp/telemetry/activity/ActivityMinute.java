package org.jakartamcp.mcp.telemetry.activity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One instance's activity in one minute (an {@code activity_minute} row): tool calls and errors by tool (only tools
 * called), the latency histogram ({@link LatencyBuckets}), and the most sessions and streams it held open at a flush.
 */
public record ActivityMinute(Instant minute, SortedMap<String, Long> calls, SortedMap<String, Long> errors, long[] latency,
                             int sessions, int streams) {

    public ActivityMinute {
        calls = new TreeMap<>(calls);
        errors = new TreeMap<>(errors);
        latency = Arrays.copyOf(latency, LatencyBuckets.COUNT);
    }

    static ActivityMinute empty(Instant minute) {
        return new ActivityMinute(minute, new TreeMap<>(), new TreeMap<>(), new long[LatencyBuckets.COUNT], 0, 0);
    }

    /** This minute with more calls and errors (by tool), durations, and the gauges' values at another flush. */
    ActivityMinute plus(Map<String, Long> moreCalls, Map<String, Long> moreErrors, long[] moreLatency, int sessionsNow, int streamsNow) {
        SortedMap<String, Long> allCalls = new TreeMap<>(calls);
        moreCalls.forEach((tool, count) -> allCalls.merge(tool, count, Long::sum));
        SortedMap<String, Long> allErrors = new TreeMap<>(errors);
        moreErrors.forEach((tool, count) -> allErrors.merge(tool, count, Long::sum));
        long[] allLatency = latency.clone();
        for (int i = 0; i < allLatency.length && i < moreLatency.length; i++) {
            allLatency[i] += moreLatency[i];
        }
        return new ActivityMinute(minute, allCalls, allErrors, allLatency, Math.max(sessions, sessionsNow), Math.max(streams, streamsNow));
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }
}
