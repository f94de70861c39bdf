package org.jakartamcp.mcp.telemetry.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jakartamcp.mcp.telemetry.activity.ActivityChart.Range;
import org.junit.jupiter.api.Test;

/** The counters, their minutes and the merging of several instances' minutes into one chart, as plain objects. */
class ActivityChartTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:34:56Z");
    private static final Instant MINUTE = Instant.parse("2026-11-30T12:34:00Z");
    private static final long MS = 1_000_000;

    @Test
    void callsAreCountedByBoundedToolName() {
        ActivityCounters counters = new ActivityCounters(List.of("add", "divide"));
        counters.toolCall("add", false, 3 * MS);
        counters.toolCall("add", true, 3 * MS);
        counters.toolCall("no-such-tool", true, 70_000 * MS);
        counters.toolCall(null, false, 1);
        ActivityCounters.Totals totals = counters.totals();
        assertEquals(List.of("add", "divide", "other"), counters.tools());
        assertArrayEquals(new long[] {2, 0, 2}, totals.calls());
        assertArrayEquals(new long[] {1, 0, 1}, totals.errors());
        assertEquals(2, totals.latency()[LatencyBuckets.bucket(3 * MS)]);
        assertEquals(1, totals.latency()[LatencyBuckets.COUNT - 1], "beyond the last bound");
        assertEquals(1, totals.latency()[0]);
    }

    @Test
    void eachFlushAddsWhatWasCountedSinceToTheMinuteItRunsIn() {
        ActivityCounters counters = new ActivityCounters(List.of("add"));
        ActivityMinutes minutes = new ActivityMinutes(counters.tools());
        counters.toolCall("add", false, MS);
        ActivityMinute first = minutes.advance(MINUTE.plusSeconds(10), counters.totals(), 3, 1);
        counters.toolCall("add", true, MS);
        ActivityMinute again = minutes.advance(MINUTE.plusSeconds(20), counters.totals(), 2, 4);
        assertEquals(MINUTE, again.minute());
        assertEquals(Map.of("add", 2L), again.calls(), "the whole minute, written again as one row");
        assertEquals(Map.of("add", 1L), again.errors());
        assertEquals(3, again.sessions(), "the most at a flush in the minute");
        assertEquals(4, again.streams());
        assertEquals(Map.of("add", 1L), first.calls(), "a row written is not changed afterwards");

        counters.toolCall("add", false, MS);
        ActivityMinute next = minutes.advance(MINUTE.plusSeconds(65), counters.totals(), 0, 0);
        assertEquals(MINUTE.plusSeconds(60), next.minute());
        assertEquals(Map.of("add", 1L), next.calls(), "only what came after the last flush");
        assertEquals(Map.of(), next.errors());
        ActivityMinute quiet = minutes.advance(MINUTE.plusSeconds(70), counters.totals(), 0, 0);
        assertEquals(Map.of("add", 1L), quiet.calls());
    }

    @Test
    void instancesAddUpAndPercentilesComeFromTheMergedHistogram() {
        // instance a: 98 fast calls (about 1 ms); instance b: 2 slow ones (about 1 s) and one error
        ActivityMinute a = minute(MINUTE, Map.of("add", 98L), Map.of(), histogram(98, 1), 2, 1);
        ActivityMinute b = minute(MINUTE, Map.of("add", 1L, "divide", 1L), Map.of("divide", 1L), histogram(2, 1_000), 3, 0);
        ActivityMinute bEarlier = minute(MINUTE.minusSeconds(60), Map.of("add", 5L), Map.of(), histogram(5, 1), 1, 0);
        ActivityMinute tooOld = minute(MINUTE.minusSeconds(3600), Map.of("add", 1000L), Map.of(), histogram(1000, 1), 99, 99);

        ActivityChart chart = ActivityChart.of(Range.HOUR, NOW, List.of(a, b, bEarlier, tooOld));

        assertEquals(Map.of("add", 104L, "divide", 1L), chart.totalCalls(), "the hour's calls of every instance, not the older one's");
        assertEquals(Map.of("divide", 1L), chart.totalErrors());
        long[] adds = chart.calls("add");
        assertEquals(60, adds.length);
        assertEquals(99, adds[59], "this minute, both instances");
        assertEquals(5, adds[58]);
        assertEquals(5, chart.sessions()[59], "sessions of the instances added up");
        assertEquals(1, chart.streams()[59]);
        double p50 = chart.latency(0.50)[59];
        double p99 = chart.latency(0.99)[59];
        assertTrue(p50 > 0.5 && p50 <= 1, "the median of the merged histogram is a fast call: " + p50);
        assertTrue(p99 > 500 && p99 <= 1000, "the 99th percentile is one of b's slow calls: " + p99);
        assertTrue(Double.isNaN(chart.latency(0.5)[0]), "no calls, no percentile");

        JsonObject json = chart.toJson();
        assertEquals(60, json.getJsonArray("time").size());
        assertEquals(MINUTE.getEpochSecond(), json.getJsonArray("time").getJsonNumber(59).longValue());
        assertEquals(104, json.getJsonObject("totals").getJsonObject("calls").getInt("add"));
        assertTrue(json.getJsonObject("latencyMs").getJsonArray("p95").isNull(0));
    }

    @Test
    void theDayIsInFiveMinutePointsWithTheBusiestMinuteOfOpenSessions() {
        Instant step = Instant.parse("2026-11-30T12:30:00Z");
        ActivityMinute one = minute(step, Map.of("add", 1L), Map.of(), histogram(1, 1), 4, 0);
        ActivityMinute two = minute(step.plusSeconds(60), Map.of("add", 2L), Map.of(), histogram(2, 1), 2, 0);
        ActivityMinute otherInstance = minute(step.plusSeconds(60), Map.of(), Map.of(), histogram(0, 1), 1, 0);
        ActivityChart chart = ActivityChart.of(Range.DAY, NOW, List.of(one, two, otherInstance));
        assertEquals(288, chart.calls("add").length);
        assertEquals(3, chart.calls("add")[287]);
        assertEquals(4, chart.sessions()[287], "the busiest minute (4), not the sum over the step's minutes (7)");
        assertEquals(Instant.parse("2026-11-29T12:35:00Z"), Range.DAY.from(NOW));
        assertEquals(Range.DAY, Range.named("day").orElseThrow());
        assertTrue(Range.named("week").isEmpty());
    }

    @Test
    void percentilesInterpolateWithinTheirBucket() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.bucket(2 * MS)] = 10; // the bucket (1 ms, 2.5 ms]
        assertEquals(1.75, LatencyBuckets.quantile(counts, 0.5), 1e-9);
        assertEquals(2.5, LatencyBuckets.quantile(counts, 1), 1e-9);
        counts[LatencyBuckets.COUNT - 1] = 90;
        assertEquals(60_000, LatencyBuckets.quantile(counts, 0.99), 1e-9, "no more than the last bound");
        assertTrue(Double.isNaN(LatencyBuckets.quantile(new long[LatencyBuckets.COUNT], 0.5)));
    }

    private static ActivityMinute minute(Instant minute, Map<String, Long> calls, Map<String, Long> errors, long[] latency,
                                         int sessions, int streams) {
        return new ActivityMinute(minute, new TreeMap<>(calls), new TreeMap<>(errors), latency, sessions, streams);
    }

    private static long[] histogram(long calls, long millis) {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.bucket(millis * MS)] += calls;
        return counts;
    }
}
