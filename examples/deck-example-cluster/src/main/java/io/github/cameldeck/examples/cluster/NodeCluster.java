package io.github.cameldeck.examples.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The node JVMs of the demo, started with {@code java -cp ... DeckClusterNode} and the same settings but their own
 * node id and Hazelcast port. Every JVM it started is killed when it is closed, or when the demo's JVM exits (a shutdown
 * hook), so a failing run leaves none behind; and should the demo's JVM itself be killed, the nodes see it and exit.
 */
public final class NodeCluster implements AutoCloseable {

    // Hazelcast asks for these on Java 9+ (it works without them, with a warning and less accurate metrics)
    private static final List<String> HAZELCAST_JVM_OPTIONS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final List<String> nodeIds;
    private final Path workDirectory;
    private final String baseUrl;
    private final String apiKey;
    private final LockTimings lockTimings;
    private final Map<String, String> properties;
    private final Map<String, NodeProcess> nodes = new ConcurrentHashMap<>();
    private final Thread killOnExit = new Thread(this::destroyAll, "kill-cluster-nodes");

    /** @param properties more system properties of every node, e.g. {@code cluster.task-id} */
    public NodeCluster(List<String> nodeIds, Path workDirectory, String baseUrl, String apiKey,
            LockTimings lockTimings, Map<String, String> properties) {
        this.nodeIds = List.copyOf(nodeIds);
        this.workDirectory = workDirectory;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.lockTimings = lockTimings;
        this.properties = Map.copyOf(properties);
    }

    /** Starts one JVM per node id. */
    public void start() throws IOException {
        Files.createDirectories(outputDirectory());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<Integer> ports = freePorts(nodeIds.size());
        String members = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        String classpath = NodeClasspath.resolve();
        for (int i = 0; i < nodeIds.size(); i++) {
            String nodeId = nodeIds.get(i);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.addAll(HAZELCAST_JVM_OPTIONS);
            command.add("-Dcluster.node-id=" + nodeId);
            command.add("-Dcluster.hazelcast.port=" + ports.get(i));
            command.add("-Dcluster.hazelcast.members=" + members);
            command.add("-Dcluster.lock.root=" + workDirectory.resolve("lock"));
            command.add("-Dcluster.lock.acquire-interval=" + lockTimings.acquireInterval().toMillis());
            command.add("-Dcluster.lock.heartbeat-timeout-multiplier=" + lockTimings.heartbeatTimeoutMultiplier());
            command.add("-Dcluster.output-dir=" + outputDirectory());
            command.add("-Dcamel.component.deck.base-url=" + baseUrl);
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-D" + DeckClusterNode.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
            command.add("-cp");
            command.add(classpath);
            command.add(DeckClusterNode.class.getName());
            nodes.put(nodeId,
                    NodeProcess.start(nodeId, command, apiKey, workDirectory.resolve(nodeId + ".out")));
        }
    }

    public List<String> nodeIds() {
        return nodeIds;
    }

    /** Where the nodes write their emitted, leadership and members logs. */
    public Path outputDirectory() {
        return workDirectory.resolve("out");
    }

    public NodeProcess node(String nodeId) {
        return nodes.get(nodeId);
    }

    public List<String> alive() {
        return nodeIds.stream().filter(id -> nodes.containsKey(id) && nodes.get(id).isAlive()).toList();
    }

    /** Stops the nodes still running gracefully (SIGTERM), each within {@code grace}. */
    public void stopAll(Duration grace) throws InterruptedException {
        for (String nodeId : alive()) {
            nodes.get(nodeId).stop(grace);
        }
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down (the hook runs), or the cluster was never started
        }
    }

    private void destroyAll() {
        nodes.values().forEach(NodeProcess::destroyNow);
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
