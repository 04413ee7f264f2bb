package io.github.cameldeck.examples.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the demo does, from system properties: {@code demo.runs} (default 1000) runs created at {@code demo.rate} per
 * second (default 40), the leader killed when the fractions {@code demo.kills-at} of them were created (default
 * {@code 0.3,0.6}), every file under {@code cluster.work-dir} (default a temporary directory).
 */
public record DemoOptions(int runs, int perSecond, List<Double> killsAt, Path workDirectory, LockTimings lockTimings) {

    /** The nodes, one JVM each. */
    public static final List<String> NODE_IDS = List.of("node-1", "node-2", "node-3");

    public DemoOptions {
        if (runs < 1 || perSecond < 1) {
            throw new IllegalArgumentException("runs and rate must be positive");
        }
        if (killsAt.size() >= NODE_IDS.size() || killsAt.stream().anyMatch(at -> at <= 0 || at >= 1)) {
            throw new IllegalArgumentException("at most " + (NODE_IDS.size() - 1)
                    + " kills (one node must survive), each at a fraction between 0 and 1 of the runs: " + killsAt);
        }
        killsAt = killsAt.stream().sorted().toList();
    }

    public static DemoOptions fromSystemProperties() {
        return new DemoOptions(
                Integer.getInteger("demo.runs", 1000),
                Integer.getInteger("demo.rate", 40),
                Arrays.stream(System.getProperty("demo.kills-at", "0.3,0.6").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).map(Double::valueOf).toList(),
                Path.of(System.getProperty("cluster.work-dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "deck-example-cluster").toString())),
                LockTimings.defaults());
    }
}
