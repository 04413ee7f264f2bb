package io.github.cameldeck.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.util.TimeUtils;

/**
 * What one node of the cluster is configured with: the {@code cluster.*} properties of {@code application.properties},
 * each overridable by a system property of the same name.
 *
 * @param nodeId          {@code cluster.node-id}: this instance's name in the logs, the Hazelcast member attribute
 *                        and the cluster service id
 * @param hazelcastPort   {@code cluster.hazelcast.port}: where this node's embedded Hazelcast member listens, on
 *                        127.0.0.1
 * @param members         {@code cluster.hazelcast.members}: every member, {@code host:port}, comma-separated
 * @param clusterName     {@code cluster.hazelcast.cluster-name}: members of other clusters are not joined
 * @param lockRoot        {@code cluster.lock.root}: the directory of the leader lock, shared by the instances
 * @param lockTimings     {@code cluster.lock.acquire-interval} and {@code cluster.lock.heartbeat-timeout-multiplier}
 * @param outputDirectory {@code cluster.output-dir}: where the node writes its emitted, leadership and members logs
 */
public record NodeSettings(String nodeId, int hazelcastPort, List<String> members, String clusterName, Path lockRoot,
        LockTimings lockTimings, Path outputDirectory) {

    /** The cluster view the deck route's consumer is elected in ({@code master:deck-runs:...}). */
    public static final String NAMESPACE = "deck-runs";

    /** Reads the settings from properties, e.g. Camel's properties component. */
    public static NodeSettings from(Function<String, Optional<String>> properties) {
        Function<String, String> required = key -> properties.apply(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("Property " + key + " is not set"));
        return new NodeSettings(
                required.apply("cluster.node-id"),
                Integer.parseInt(required.apply("cluster.hazelcast.port")),
                Arrays.stream(required.apply("cluster.hazelcast.members").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(),
                required.apply("cluster.hazelcast.cluster-name"),
                Path.of(required.apply("cluster.lock.root")),
                new LockTimings(
                        Duration.ofMillis(TimeUtils.toMilliSeconds(required.apply("cluster.lock.acquire-interval"))),
                        Integer.parseInt(required.apply("cluster.lock.heartbeat-timeout-multiplier"))),
                Path.of(required.apply("cluster.output-dir")));
    }

    public Path emittedLog() {
        return emittedLog(outputDirectory, nodeId);
    }

    public Path leadershipLog() {
        return leadershipLog(outputDirectory, nodeId);
    }

    public Path membersLog() {
        return membersLog(outputDirectory, nodeId);
    }

    public static Path emittedLog(Path outputDirectory, String nodeId) {
        return outputDirectory.resolve("emitted-" + nodeId + ".log");
    }

    public static Path leadershipLog(Path outputDirectory, String nodeId) {
        return outputDirectory.resolve("leadership-" + nodeId + ".log");
    }

    public static Path membersLog(Path outputDirectory, String nodeId) {
        return outputDirectory.resolve("members-" + nodeId + ".log");
    }
}
