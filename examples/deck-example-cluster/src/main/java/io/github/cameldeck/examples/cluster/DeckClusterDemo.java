package io.github.cameldeck.examples.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorStats;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;

/**
 * The cluster demo: an embedded Deck simulator, three node JVMs ({@link DeckClusterNode}) running the same deck route,
 * runs created at a steady rate, the leader killed with {@code kill -9} twice while they complete, then a
 * {@link ClusterSummary} of what was emitted, twice or never, and how each failover went. Options:
 * {@link DemoOptions}. Exit code 0 when nothing was lost and every duplicate is explained by a kill, 1 otherwise, 2
 * when the demo could not run.
 */
public final class DeckClusterDemo {

    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Deck's limit per organization, which the simulator enforces and the nodes share. */
    private static final int RATE_LIMIT = 200;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** Each node's runTask route tries to start a run this often: 30 per second together, more than the budget. */
    private static final Duration LOAD_PERIOD = Duration.ofMillis(100);

    private final DemoOptions options;
    private final PrintStream out;
    private final long start = System.nanoTime();

    private DeckClusterDemo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        ClusterSummary summary;
        try {
            summary = run(DemoOptions.fromSystemProperties(), System.out);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        summary.print(System.out);
        System.exit(summary.ok() ? 0 : 1);
    }

    /** Runs the demo, printing its progress to {@code out}; the summary is returned, not printed. */
    public static ClusterSummary run(DemoOptions options, PrintStream out) throws Exception {
        return new DeckClusterDemo(options, out).run();
    }

    private ClusterSummary run() throws Exception {
        Path work = options.workDirectory()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        List<String> nodeIds = DemoOptions.NODE_IDS;
        try (DeckSimulator simulator = DeckSimulator.builder().rateLimit(RATE_LIMIT, RATE_WINDOW)
                .build().start()) {
            String agentId = simulator.createAgent("Cluster demo").id();
            Task task = simulator.createTask(agentId, "One-second job",
                    Scenario.completesAfter(Duration.ofSeconds(1)).withQueueTime(Duration.ZERO));
            Task load = simulator.createTask(agentId, "Runs the nodes start",
                    Scenario.completesAfter(Duration.ofSeconds(1)).withQueueTime(Duration.ZERO));
            Map<String, String> nodeProperties = Map.of("cluster.task-id", task.id(), "cluster.load-task-id",
                    load.id(), "cluster.load-period", Long.toString(LOAD_PERIOD.toMillis()));
            try (NodeCluster cluster = new NodeCluster(nodeIds, work, simulator.baseUrl(), simulator.apiKey(),
                    options.lockTimings(), nodeProperties)) {
                return run(simulator, cluster, task, load, work);
            }
        }
    }

    private ClusterSummary run(DeckSimulator simulator, NodeCluster cluster, Task task, Task load, Path work)
            throws Exception {
        List<String> nodeIds = cluster.nodeIds();
        out.printf("Deck simulator at %s (%d requests per %d s); %d node JVMs; %d runs at %d/s, each completing "
                + "1 s after creation; each node starts runs too, one every %d ms%n",
                simulator.baseUrl(), RATE_LIMIT, RATE_WINDOW.toSeconds(), nodeIds.size(), options.runs(),
                options.perSecond(), LOAD_PERIOD.toMillis());
        out.printf("Files: %s%n", work.toAbsolutePath());

        cluster.start();
        ClusterLogs logs = new ClusterLogs(cluster.outputDirectory(), nodeIds);
        progress("started %s", nodeIds.stream().map(id -> id + " (pid " + cluster.node(id).pid() + ")")
                .collect(Collectors.joining(", ")));
        awaitCluster(cluster, logs);

        Map<String, Long> endedAt = new HashMap<>();
        List<Failover> failovers = new ArrayList<>();
        List<String> created;
        try (RunFeeder feeder = new RunFeeder(simulator, task.id(), options.runs(), options.perSecond())) {
            Duration feedTime = Duration.ofSeconds(options.runs() / options.perSecond() + 60L);
            feeder.start();
            progress("creating runs");
            for (double at : options.killsAt()) {
                if (!feeder.awaitCount((int) Math.ceil(at * options.runs()), feedTime)) {
                    throw new IllegalStateException("The runs are not being created: " + feeder.count());
                }
                Failover failover = failOver(cluster, logs, feeder.count());
                endedAt.put(failover.killedNode(), failover.killedAt());
                failovers.add(failover);
                if (failover.newLeader() == null) {
                    break; // nobody left to kill
                }
            }
            feeder.awaitDone(feedTime);
            created = feeder.created();
            progress("%d runs created", created.size());
        }
        awaitEmitted(simulator, task, created, logs);

        List<String> survivors = cluster.alive();
        long stoppedAt = System.currentTimeMillis();
        survivors.forEach(node -> endedAt.put(node, stoppedAt));
        cluster.stopAll(STOP_GRACE);
        progress("stopped %s", String.join(", ", survivors));

        Map<String, List<String>> emitted = new LinkedHashMap<>();
        nodeIds.forEach(node -> emitted.put(node, logs.emitted(node)));
        List<Failover> withRemovals = failovers.stream()
                .map(f -> f.withMemberRemovedAt(logs.memberRemovedAt(f.killedNode()).orElse(-1))).toList();
        SimulatorStats stats = simulator.stats();
        BudgetUse budget = new BudgetUse(RATE_LIMIT, RATE_WINDOW, stats.busiestWindow(), stats.rateLimited(),
                stats.totalRequests(), runsOf(simulator, load).size());
        return new ClusterSummary(nodeIds, created, completedRuns(simulator, task), emitted, withRemovals,
                logs.leadership(), endedAt, options.lockTimings(), Duration.ofNanos(System.nanoTime() - start),
                budget);
    }

    /** Waits until every node's Hazelcast member sees all of them and one node holds the lock. */
    private void awaitCluster(NodeCluster cluster, ClusterLogs logs) throws InterruptedException {
        int size = cluster.nodeIds().size();
        long deadline = System.nanoTime() + CLUSTER_START_TIMEOUT.toNanos();
        boolean formed = false;
        Optional<String> leader = Optional.empty();
        while (System.nanoTime() < deadline) {
            if (cluster.alive().size() < size) {
                throw new IllegalStateException("A node JVM ended during start-up: see its <node>.out file");
            }
            if (!formed && cluster.nodeIds().stream().allMatch(node -> logs.members(node).orElse(0) == size)) {
                formed = true;
                progress("Hazelcast: %d members, seen by every node", size);
            }
            leader = logs.leader(cluster.nodeIds());
            if (formed && leader.isPresent()) {
                progress("%s is the leader", leader.get());
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("The cluster did not form within " + CLUSTER_START_TIMEOUT.toSeconds()
                + " s (Hazelcast members: " + cluster.nodeIds().stream().map(n -> n + "=" + logs.members(n))
                        .collect(Collectors.joining(", "))
                + ", leader: " + leader.orElse("none") + ")");
    }

    /** Kills the leader, then waits for another node to take over and emit. */
    private Failover failOver(NodeCluster cluster, ClusterLogs logs, int created) throws InterruptedException {
        String leader = logs.leader(cluster.alive())
                .orElseThrow(() -> new IllegalStateException("No leader among " + cluster.alive()));
        Map<String, Integer> emittedBefore = new HashMap<>();
        cluster.alive().forEach(node -> emittedBefore.put(node, logs.emitted(node).size()));
        long killedAt = System.currentTimeMillis();
        cluster.node(leader).kill();
        progress("kill -9 %s (the leader; %d runs created, %d emitted by it)", leader, created,
                emittedBefore.get(leader));

        List<String> survivors = cluster.alive();
        Optional<LeadershipChange> next = Optional.empty();
        long deadline = System.nanoTime() + TAKEOVER_TIMEOUT.toNanos();
        while (next.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            next = logs.leaderSince(killedAt, survivors);
        }
        if (next.isEmpty()) {
            progress("no node took over within %d s", TAKEOVER_TIMEOUT.toSeconds());
            return new Failover(leader, killedAt, created, null, -1, -1, -1);
        }
        String newLeader = next.get().nodeId();
        progress("%s took over, %d ms after the kill", newLeader, next.get().at() - killedAt);

        long firstEmissionAt = -1;
        while (System.nanoTime() < deadline) {
            if (logs.emitted(newLeader).size() > emittedBefore.getOrDefault(newLeader, 0)) {
                firstEmissionAt = System.currentTimeMillis();
                progress("%s emits, %d ms after the kill", newLeader, firstEmissionAt - killedAt);
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Failover(leader, killedAt, created, newLeader, next.get().at(), firstEmissionAt, -1);
    }

    /** Waits until every run created has completed on Deck and was emitted by some node. */
    private void awaitEmitted(DeckSimulator simulator, Task task, List<String> created, ClusterLogs logs)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> completed = completedRuns(simulator, task);
            Set<String> emitted = DemoOptions.NODE_IDS.stream().flatMap(node -> logs.emitted(node).stream())
                    .collect(Collectors.toSet());
            if (completed.size() == created.size() && emitted.containsAll(completed)) {
                progress("all %d completed runs emitted", completed.size());
                // a little longer, so that a run emitted once more by mistake would show
                Thread.sleep(2000);
                return;
            }
            Thread.sleep(200);
        }
        progress("gave up waiting after %d s", DRAIN_TIMEOUT.toSeconds());
    }

    private static Set<String> completedRuns(DeckSimulator simulator, Task task) {
        return runsOf(simulator, task).stream().filter(run -> "completed".equals(run.status()))
                .map(TaskRunState::id).collect(Collectors.toSet());
    }

    private static List<TaskRunState> runsOf(DeckSimulator simulator, Task task) {
        return simulator.taskRuns().stream().filter(run -> task.id().equals(run.taskId())).toList();
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "%6.1fs  %s%n", (System.nanoTime() - start) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
