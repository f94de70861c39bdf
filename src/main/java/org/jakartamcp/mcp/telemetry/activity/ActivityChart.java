package org.jakartamcp.mcp.telemetry.activity;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole cluster's activity over a range, in points of a fixed step, from the minutes every instance wrote: calls
 * and errors by tool add up, latency histograms add up bucket by bucket before the percentiles are taken from the sum,
 * and sessions and streams add up across the instances minute by minute, a point showing the highest such minute in
 * its step. Plain Java over the rows, so that the merging is tested without a server.
 */
public final class ActivityChart {

    /** The ranges the page offers: the last hour minute by minute, the last day in five-minute points. */
    public enum Range {
        HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
        DAY(Duration.ofDays(1), Duration.ofMinutes(5));

        final Duration length;
        final Duration step;

        Range(Duration length, Duration step) {
            this.length = length;
            this.step = step;
        }

        /** The range of a request parameter's value ({@code hour}, {@code day}); empty for anything else. */
        public static Optional<Range> named(String name) {
            return Arrays.stream(values()).filter(range -> range.id().equals(name)).findFirst();
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        int points() {
            return (int) (length.toSeconds() / step.toSeconds());
        }

        /** The first minute of the range ending with the step that holds {@code now}. */
        public Instant from(Instant now) {
            long step = this.step.toSeconds();
            long lastStep = Math.floorDiv(now.getEpochSecond(), step) * step;
            return Instant.ofEpochSecond(lastStep - (points() - 1) * step);
        }
    }

    private final Range range;
    private final Instant from;
    private final SortedMap<String, long[]> calls = new TreeMap<>();
    private final SortedMap<String, long[]> errors = new TreeMap<>();
    private final long[][] latency;
    private final long[] sessions;
    private final long[] streams;

    private ActivityChart(Range range, Instant from) {
        this.range = range;
        this.from = from;
        int points = range.points();
        latency = new long[points][LatencyBuckets.COUNT];
        sessions = new long[points];
        streams = new long[points];
    }

    /** The chart of {@code range} up to {@code now} from the rows of every instance (rows outside the range are left out). */
    public static ActivityChart of(Range range, Instant now, Collection<ActivityMinute> rows) {
        ActivityChart chart = new ActivityChart(range, range.from(now));
        Map<Instant, long[]> gaugesByMinute = new HashMap<>();
        for (ActivityMinute row : rows) {
            int point = chart.point(row.minute());
            if (point < 0) {
                continue;
            }
            add(chart.calls, row.calls(), point, range.points());
            add(chart.errors, row.errors(), point, range.points());
            for (int i = 0; i < LatencyBuckets.COUNT; i++) {
                chart.latency[point][i] += row.latency()[i];
            }
            long[] gauges = gaugesByMinute.computeIfAbsent(row.minute(), minute -> new long[2]);
            gauges[0] += row.sessions();
            gauges[1] += row.streams();
        }
        gaugesByMinute.forEach((minute, gauges) -> {
            int point = chart.point(minute);
            chart.sessions[point] = Math.max(chart.sessions[point], gauges[0]);
            chart.streams[point] = Math.max(chart.streams[point], gauges[1]);
        });
        return chart;
    }

    private static void add(SortedMap<String, long[]> series, Map<String, Long> counts, int point, int points) {
        counts.forEach((tool, count) -> series.computeIfAbsent(tool, any -> new long[points])[point] += count);
    }

    /** The point a minute falls in; -1 outside the range. */
    private int point(Instant minute) {
        long offset = minute.getEpochSecond() - from.getEpochSecond();
        int point = offset < 0 ? -1 : (int) (offset / range.step.toSeconds());
        return point < range.points() ? point : -1;
    }

    /** Calls of each tool in the range (only tools called). */
    public SortedMap<String, Long> totalCalls() {
        return totals(calls);
    }

    public SortedMap<String, Long> totalErrors() {
        return totals(errors);
    }

    /** The latency quantile (0 to 1) of each point, in milliseconds; NaN for a point without calls. */
    public double[] latency(double quantile) {
        return Arrays.stream(latency).mapToDouble(counts -> LatencyBuckets.quantile(counts, quantile)).toArray();
    }

    public long[] sessions() {
        return sessions.clone();
    }

    public long[] streams() {
        return streams.clone();
    }

    public long[] calls(String tool) {
        return calls.getOrDefault(tool, new long[range.points()]).clone();
    }

    /**
     * The chart as the activity page reads it: {@code time} (epoch seconds of each point's start), the series
     * ({@code calls} and {@code errors} by tool, {@code latencyMs} p50/p95/p99 with null where nothing was called,
     * {@code sessions}, {@code streams}) and the range's {@code totals}.
     */
    public JsonObject toJson() {
        JsonArrayBuilder time = JSON.createArrayBuilder();
        for (int point = 0; point < range.points(); point++) {
            time.add(from.getEpochSecond() + point * range.step.toSeconds());
        }
        JsonObjectBuilder latencyMs = JSON.createObjectBuilder();
        latencyMs.add("p50", quantiles(latency(0.50)));
        latencyMs.add("p95", quantiles(latency(0.95)));
        latencyMs.add("p99", quantiles(latency(0.99)));
        return JSON.createObjectBuilder()
                .add("range", range.id())
                .add("stepSeconds", range.step.toSeconds())
                .add("time", time)
                .add("calls", series(calls))
                .add("errors", series(errors))
                .add("latencyMs", latencyMs)
                .add("sessions", longs(sessions))
                .add("streams", longs(streams))
                .add("totals", JSON.createObjectBuilder().add("calls", counts(totalCalls())).add("errors", counts(totalErrors())))
                .build();
    }

    private static SortedMap<String, Long> totals(SortedMap<String, long[]> series) {
        SortedMap<String, Long> totals = new TreeMap<>();
        series.forEach((tool, points) -> totals.put(tool, Arrays.stream(points).sum()));
        return totals;
    }

    private static JsonObjectBuilder series(SortedMap<String, long[]> series) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        series.forEach((tool, points) -> json.add(tool, longs(points)));
        return json;
    }

    private static JsonObjectBuilder counts(SortedMap<String, Long> counts) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        counts.forEach(json::add);
        return json;
    }

    private static JsonArrayBuilder longs(long[] values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (long value : values) {
            array.add(value);
        }
        return array;
    }

    private static JsonArrayBuilder quantiles(double[] values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (double value : values) {
            if (Double.isNaN(value)) {
                array.addNull();
            } else {
                array.add(Math.round(value * 1000) / 1000.0);
            }
        }
        return array;
    }
}
