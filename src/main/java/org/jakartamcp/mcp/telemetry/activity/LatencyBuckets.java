package org.jakartamcp.mcp.telemetry.activity;

import java.util.Arrays;

/**
 * The fixed buckets of the tool-call latency histogram. Fixed, the same on every instance and in every stored minute, so
 * that histograms add up bucket by bucket (across instances and minutes) and percentiles are taken from the sum, which
 * averaging each instance's percentiles would get wrong. Changing the bounds makes the stored minutes (kept
 * {@code activity.retention-hours}) meaningless: they are counted by index.
 */
public final class LatencyBuckets {

    /** Upper bounds in milliseconds; one more bucket holds everything longer than the last. */
    static final double[] BOUNDS_MS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000};
    public static final int COUNT = BOUNDS_MS.length + 1;
    private static final long[] BOUNDS_NANOS = Arrays.stream(BOUNDS_MS).mapToLong(ms -> Math.round(ms * 1_000_000)).toArray();

    private LatencyBuckets() {
    }

    /** The bucket of a duration: the first whose upper bound it does not exceed. */
    public static int bucket(long nanos) {
        int found = Arrays.binarySearch(BOUNDS_NANOS, nanos);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * The {@code quantile} (0 to 1) of the durations counted in {@code counts}, in milliseconds, interpolated linearly within
     * its bucket; at most the last bound (the histogram knows nothing beyond it); NaN when nothing was counted.
     */
    public static double quantile(long[] counts, double quantile) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = Math.max(1, Math.ceil(quantile * total));
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                if (i >= BOUNDS_MS.length) {
                    return BOUNDS_MS[BOUNDS_MS.length - 1];
                }
                double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                return lower + (BOUNDS_MS[i] - lower) * (rank - below) / counts[i];
            }
            below += counts[i];
        }
        return BOUNDS_MS[BOUNDS_MS.length - 1];
    }
}
