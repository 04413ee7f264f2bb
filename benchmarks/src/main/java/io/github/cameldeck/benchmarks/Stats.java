package io.github.cameldeck.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles, medians and the number formats of the tables. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of unsorted values (copied, not changed); NaN when empty. */
    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** 1234.5 -> "1,235"; small values keep one decimal. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Nanoseconds as milliseconds with two decimals. */
    static String millis(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2fx", value);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f %%", value);
    }

    /** "12.3 ± 4.5" style spread: median (min–max). */
    static String spread(List<Double> values) {
        if (values.size() < 2) {
            return number(median(values));
        }
        return number(median(values)) + " (" + number(min(values)) + "–" + number(max(values)) + ")";
    }
}
