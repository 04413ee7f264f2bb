package io.github.cameldeck.examples.cluster;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a demo run produced, and its verdict: every completed run emitted at least once, a run emitted again only when it
 * was the exchange in flight in a node at the moment that node was killed, and one leader at a time.
 *
 * @param nodeIds     the nodes, in order
 * @param created     the runs created on Deck
 * @param completed   those that completed
 * @param emitted     per node, the run ids it emitted, in order
 * @param failovers   each kill of the leader and what followed
 * @param leadership  every node's leadership changes, oldest first
 * @param endedAt     per node, when it was killed or stopped (epoch milliseconds)
 * @param lockTimings the leader election's settings
 * @param wallTime    the whole demo, from start to the nodes stopped
 * @param budget      how the nodes together spent the organization's request budget
 */
public record ClusterSummary(List<String> nodeIds, List<String> created, Set<String> completed,
        Map<String, List<String>> emitted, List<Failover> failovers, List<LeadershipChange> leadership,
        Map<String, Long> endedAt, LockTimings lockTimings, Duration wallTime, BudgetUse budget) {

    /**
     * The deck route handles one exchange at a time, so a killed node had at most one in flight: the last line of its
     * emitted log.
     */
    public static final int IN_FLIGHT_PER_NODE = 1;

    /** A run emitted more than once. */
    public record Duplicate(String runId, int times, List<String> nodes, List<String> inFlightAtKillOf) {

        /** Every emission after the first is accounted for by a kill that interrupted it. */
        public boolean explained() {
            return times - 1 <= inFlightAtKillOf.size();
        }
    }

    /** One node's uninterrupted leadership, in epoch milliseconds. */
    public record Leadership(String nodeId, long from, long to) {
    }

    public int emittedLines() {
        return emitted.values().stream().mapToInt(List::size).sum();
    }

    /** How many times each run was emitted, over all nodes. */
    public Map<String, Integer> emissions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        emitted.values().forEach(runs -> runs.forEach(run -> counts.merge(run, 1, Integer::sum)));
        return counts;
    }

    public List<Duplicate> duplicates() {
        List<Duplicate> duplicates = new ArrayList<>();
        emissions().forEach((runId, times) -> {
            if (times > 1) {
                List<String> nodes = nodeIds.stream()
                        .filter(node -> emitted.getOrDefault(node, List.of()).contains(runId))
                        .toList();
                List<String> inFlight = failovers.stream().map(Failover::killedNode)
                        .filter(node -> lastLines(node).contains(runId)).toList();
                duplicates.add(new Duplicate(runId, times, nodes, inFlight));
            }
        });
        return duplicates;
    }

    /** Completed runs no node emitted. */
    public List<String> missing() {
        Set<String> emittedRuns = emissions().keySet();
        return created.stream().filter(completed::contains).filter(run -> !emittedRuns.contains(run)).toList();
    }

    /** Every period a node was the leader, oldest first; one still open ends when the node was killed or stopped. */
    public List<Leadership> leaderships() {
        List<Leadership> periods = new ArrayList<>();
        for (String node : nodeIds) {
            Long from = null;
            for (LeadershipChange change : leadership) {
                if (!change.nodeId().equals(node)) {
                    continue;
                }
                if (change.leader() && from == null) {
                    from = change.at();
                } else if (!change.leader() && from != null) {
                    periods.add(new Leadership(node, from, change.at()));
                    from = null;
                }
            }
            if (from != null) {
                periods.add(new Leadership(node, from, endedAt.getOrDefault(node, Long.MAX_VALUE)));
            }
        }
        periods.sort(Comparator.comparingLong(Leadership::from));
        return periods;
    }

    /** The longest time two nodes both said they were the leader; zero when leadership never overlapped. */
    public Duration largestLeaderOverlap() {
        long largest = 0;
        List<Leadership> periods = leaderships();
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                Leadership a = periods.get(i);
                Leadership b = periods.get(j);
                if (!a.nodeId().equals(b.nodeId())) {
                    largest = Math.max(largest, Math.min(a.to(), b.to()) - Math.max(a.from(), b.from()));
                }
            }
        }
        return Duration.ofMillis(largest);
    }

    /**
     * How long a failover may take before it counts as too slow: three times the configured takeover time, at least
     * 20 s, because a busy two-core machine running three JVMs can delay the lock checks by seconds.
     */
    public Duration failoverBound() {
        Duration threeTimes = lockTimings.takeoverTime().multipliedBy(3);
        return threeTimes.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(20) : threeTimes;
    }

    /**
     * Runs lost, duplicates no kill explains, a kill no node took over from, two leaders at once, the organization's
     * budget overspent.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " completed runs were never emitted, e.g. " + sample(missing));
        }
        duplicates().stream().filter(d -> !d.explained()).forEach(d -> problems.add("run " + d.runId() + " was emitted "
                + d.times() + " times (" + String.join(", ", d.nodes()) + ") but was not in flight at a kill"));
        failovers.stream().filter(f -> f.newLeader() == null)
                .forEach(f -> problems.add("no node took over after " + f.killedNode() + " was killed"));
        Duration overlap = largestLeaderOverlap();
        if (overlap.compareTo(lockTimings.acquireInterval()) > 0) {
            problems.add("two nodes were leaders at the same time for " + overlap.toMillis() + " ms");
        }
        problems.addAll(budget.problems());
        return problems;
    }

    public boolean ok() {
        return problems().isEmpty();
    }

    public void print(PrintStream out) {
        out.printf("%nSummary (%s)%n", seconds(wallTime));
        out.printf("  runs created             %5d%n", created.size());
        out.printf("  runs completed           %5d%n", completed.size());
        out.printf("  emitted lines            %5d  (%s)%n", emittedLines(), nodeIds.stream()
                .map(node -> node + " " + emitted.getOrDefault(node, List.of()).size())
                .collect(Collectors.joining(", ")));
        out.printf("  distinct runs emitted    %5d%n", emissions().size());
        List<Duplicate> duplicates = duplicates();
        out.printf("  runs emitted twice       %5d%n", duplicates.size());
        for (Duplicate d : duplicates) {
            out.printf("    %s  %dx by %s: %s%n", d.runId(), d.times(), String.join(", ", d.nodes()),
                    d.inFlightAtKillOf().isEmpty()
                            ? "NOT in flight at a kill"
                            : "in flight in " + String.join(", ", d.inFlightAtKillOf())
                                    + " when it was killed (its last emitted line)");
        }
        List<String> missing = missing();
        out.printf("  runs missing             %5d%s%n", missing.size(),
                missing.isEmpty() ? "" : "  e.g. " + sample(missing));
        out.printf("  failovers (lock heartbeat every %d ms, stale after x%d: takeover expected within %s, bound %s)%n",
                lockTimings.acquireInterval().toMillis(), lockTimings.heartbeatTimeoutMultiplier(),
                seconds(lockTimings.takeoverTime()), seconds(failoverBound()));
        for (Failover f : failovers) {
            out.printf("    kill -9 %s after %d runs created -> %s%n", f.killedNode(), f.createdBefore(),
                    f.newLeader() == null
                            ? "NO NEW LEADER"
                            : f.newLeader() + " leader after " + seconds(f.takeover())
                                    + ", its first emission after " + seconds(f.firstEmission())
                                    + ", Hazelcast dropped " + f.killedNode() + " after " + seconds(f.memberRemoval()));
        }
        out.printf("  leaders                  %s (largest overlap %d ms)%n",
                leaderships().stream().map(Leadership::nodeId).collect(Collectors.joining(" -> ")),
                largestLeaderOverlap().toMillis());
        out.printf(
                "  Deck's budget            %d requests per %d s for the organization, shared by the nodes in Hazelcast%n",
                budget.limit(), budget.window().toSeconds());
        out.printf("    busiest %2d s           %5d requests, all nodes together%n", budget.window().toSeconds(),
                budget.busiestWindow());
        out.printf("    429 answers            %5d  (of %d requests; %d runs started by the nodes)%n",
                budget.rateLimited(), budget.requests(), budget.runsStarted());
        List<String> problems = problems();
        out.printf("  result                   %s%n", problems.isEmpty()
                ? "OK: every completed run emitted, every duplicate was in flight at a kill, one leader at a time, "
                        + "the budget kept"
                : "FAILED");
        problems.forEach(problem -> out.printf("    %s%n", problem));
    }

    private List<String> lastLines(String node) {
        List<String> runs = emitted.getOrDefault(node, List.of());
        return runs.subList(Math.max(0, runs.size() - IN_FLIGHT_PER_NODE), runs.size());
    }

    private static String sample(List<String> runs) {
        return String.join(", ", runs.subList(0, Math.min(5, runs.size())));
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(ClusterSummary::seconds).orElse("never");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
