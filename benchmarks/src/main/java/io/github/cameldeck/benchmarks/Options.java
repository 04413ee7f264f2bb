package io.github.cameldeck.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness settings: {@code -Dbench.options=key=value,key=value} (lists separated by {@code :}, e.g.
 * {@code parts=runTask:drain,backlogs=10000}), or {@code quick} for a short pass that only checks the harness works.
 * Every value has a default that gives the published run.
 */
final class Options {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> QUICK = new LinkedHashMap<>();

    static {
        DEFAULTS.put("parts", "capacity:runTask:drain:idle:latency:push:fanout:waits:download");
        DEFAULTS.put("capacitySeconds", "2");
        DEFAULTS.put("capacityThreads", "16");
        DEFAULTS.put("clients", "deck:jdk:http:hc5");
        DEFAULTS.put("concurrency", "1:16");
        DEFAULTS.put("rounds", "5");
        DEFAULTS.put("seconds", "2");
        DEFAULTS.put("warmupSeconds", "3");
        DEFAULTS.put("backlogs", "10000:100000");
        DEFAULTS.put("drainRounds", "3");
        DEFAULTS.put("drainHeap", "128m");
        DEFAULTS.put("drainSides", "loop:deck");
        DEFAULTS.put("freshBacklog", "true");
        DEFAULTS.put("idleRuns", "1000");
        DEFAULTS.put("idleSeconds", "30");
        DEFAULTS.put("idleSettleSeconds", "10");
        // completion rate x seconds of each latency phase
        DEFAULTS.put("latencyPhases", "10x30:100x15");
        // the same for part 5, deck:events (push) next to deck:taskRuns (polling)
        DEFAULTS.put("pushPhases", "10x30:100x15");
        // part 6: runs x run seconds x session cap (0: none), each with every variant
        DEFAULTS.put("fanoutCases", "400x20x0:2000x30x100");
        DEFAULTS.put("fanoutVariants", "paced:unpaced:held");
        // part 7: concurrent waits on the run watcher, and the seconds of each measured phase
        DEFAULTS.put("waits", "10000");
        DEFAULTS.put("waitsPhaseSeconds", "60");
        // part 8: the size of the file downloaded (bytes), rounds of the three sides, and each side's JVM heap
        DEFAULTS.put("downloadBytes", Long.toString(1L << 30));
        DEFAULTS.put("downloadRounds", "3");
        DEFAULTS.put("downloadHeap", "128m");

        QUICK.put("capacitySeconds", "1");
        QUICK.put("rounds", "2");
        QUICK.put("seconds", "1");
        QUICK.put("warmupSeconds", "1");
        QUICK.put("backlogs", "2000:5000");
        QUICK.put("drainRounds", "1");
        QUICK.put("freshBacklog", "false");
        QUICK.put("idleRuns", "200");
        QUICK.put("idleSeconds", "6");
        QUICK.put("idleSettleSeconds", "7");
        QUICK.put("latencyPhases", "10x3:100x2");
        QUICK.put("pushPhases", "10x3:100x2");
        QUICK.put("fanoutCases", "40x2x10");
        QUICK.put("fanoutVariants", "paced:held");
        QUICK.put("waits", "200");
        QUICK.put("waitsPhaseSeconds", "5");
        QUICK.put("downloadBytes", Long.toString(64L << 20));
        QUICK.put("downloadRounds", "1");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    static Options parse(String text) {
        Options options = new Options();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String item : text.split("[,;\\s]+")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("quick")) {
                options.values.putAll(QUICK);
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bench.options: expected key=value or quick, got '" + entry + "'");
            }
            String key = entry.substring(0, eq).trim();
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException(
                        "bench.options: unknown key '" + key + "'; known: " + DEFAULTS.keySet());
            }
            options.values.put(key, entry.substring(eq + 1).trim());
        }
        return options;
    }

    int intValue(String key) {
        return Integer.parseInt(values.get(key));
    }

    long longValue(String key) {
        return Long.parseLong(values.get(key));
    }

    String text(String key) {
        return values.get(key);
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    List<String> list(String key) {
        return Arrays.stream(values.get(key).split("[:|]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean part(String name) {
        return list("parts").contains(name);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
