package org.jakartamcp.mcp.telemetry.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jakartamcp.mcp.telemetry.activity.ActivityCounters.Totals;

/**
 * Turns the running totals read at each flush into per-minute rows: what was counted since the previous flush goes to
 * the minute the flush runs in (so a call is placed at most one flush interval late), and a new minute starts a new
 * row. Used by the flush alone, one flush at a time.
 */
final class ActivityMinutes {

    private final List<String> tools;
    private Totals previous;
    private ActivityMinute current;

    ActivityMinutes(List<String> tools) {
        this.tools = List.copyOf(tools);
        int size = tools.size();
        previous = new Totals(new long[size], new long[size], new long[LatencyBuckets.COUNT]);
    }

    /** The row of the minute of {@code now}, with what {@code totals} counted since the last call, to be written as a whole. */
    ActivityMinute advance(Instant now, Totals totals, int sessions, int streams) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (current == null || !current.minute().equals(minute)) {
            current = ActivityMinute.empty(minute);
        }
        current = current.plus(byTool(totals.calls(), previous.calls()), byTool(totals.errors(), previous.errors()),
                difference(totals.latency(), previous.latency()), sessions, streams);
        previous = totals;
        return current;
    }

    private Map<String, Long> byTool(long[] now, long[] before) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < tools.size(); i++) {
            long count = now[i] - before[i];
            if (count > 0) {
                counts.put(tools.get(i), count);
            }
        }
        return counts;
    }

    private static long[] difference(long[] now, long[] before) {
        long[] difference = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            difference[i] = now[i] - before[i];
        }
        return difference;
    }
}
