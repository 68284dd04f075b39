package dev.agentos.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles and human units for benchmark results. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0..100) of the samples, nearest-rank. */
    static long percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    static String bytes(double bytes) {
        if (bytes >= BenchConfig.MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / BenchConfig.MIB);
        }
        if (bytes >= BenchConfig.KIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / BenchConfig.KIB);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }

    static String size(long bytes) {
        return bytes % BenchConfig.MIB == 0 ? bytes / BenchConfig.MIB + " MiB" : bytes / BenchConfig.KIB + " KiB";
    }

    static double mibPerSecond(long bytes, long nanos) {
        return bytes / (double) BenchConfig.MIB / (nanos / 1e9);
    }

    static String throughput(double mibPerSecond) {
        return mibPerSecond >= 1024
                ? String.format(Locale.ROOT, "%.2f GiB/s", mibPerSecond / 1024)
                : String.format(Locale.ROOT, "%.0f MiB/s", mibPerSecond);
    }
}
