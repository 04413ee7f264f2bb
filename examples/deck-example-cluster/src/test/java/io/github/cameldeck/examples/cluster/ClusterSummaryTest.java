package io.github.cameldeck.examples.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSummaryTest {

    private static final List<String> NODES = List.of("a", "b", "c");
    private static final BudgetUse KEPT = new BudgetUse(200, Duration.ofSeconds(10), 196, 0, 1_000, 300);

    @Test
    void aRunEmittedAgainAfterBeingTheLastLineOfAKilledNodeIsExplained() {
        // a emitted r1, r2 and was killed with r2 in flight; b emitted r2 again, then r3
        ClusterSummary summary = summary(Map.of("a", List.of("r1", "r2"), "b", List.of("r2", "r3"), "c", List.of()),
                List.of(new Failover("a", 10_000, 2, "b", 13_500, 14_000, 10_300)),
                List.of(change(1_000, "a", true), change(13_500, "b", true)));

        assertThat(summary.missing()).isEmpty();
        assertThat(summary.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.runId()).isEqualTo("r2");
            assertThat(d.nodes()).containsExactly("a", "b");
            assertThat(d.inFlightAtKillOf()).containsExactly("a");
            assertThat(d.explained()).isTrue();
        });
        assertThat(summary.emittedLines()).isEqualTo(4);
        assertThat(summary.largestLeaderOverlap()).isZero();
        assertThat(summary.problems()).isEmpty();
    }

    @Test
    void theNodesOverspendingTheOrganizationsBudgetIsAProblem() {
        BudgetUse overspent = new BudgetUse(200, Duration.ofSeconds(10), 412, 212, 3_000, 900);
        ClusterSummary summary = summary(Map.of("a", List.of("r1", "r2", "r3"), "b", List.of(), "c", List.of()),
                List.of(), List.of(change(1_000, "a", true)), overspent);

        assertThat(summary.problems()).containsExactly(
                "the nodes sent 412 requests in one window of 10 s; the organization's limit is 200",
                "212 requests were answered 429 rate_limit_exceeded");
    }

    @Test
    void aDuplicateThatWasNotInFlightAtAKillIsAProblem() {
        // r1 is not a's last line: a had recorded it before it died, so b must not have emitted it again
        ClusterSummary summary = summary(Map.of("a", List.of("r1", "r2"), "b", List.of("r1", "r3"), "c", List.of()),
                List.of(new Failover("a", 10_000, 2, "b", 13_500, 14_000, 10_300)),
                List.of(change(1_000, "a", true), change(13_500, "b", true)));

        assertThat(summary.duplicates()).singleElement().satisfies(d -> assertThat(d.explained()).isFalse());
        assertThat(summary.problems()).singleElement().asString().contains("r1", "not in flight at a kill");
        assertThat(summary.ok()).isFalse();
    }

    @Test
    void aCompletedRunNobodyEmittedIsMissing() {
        ClusterSummary summary = summary(Map.of("a", List.of("r1", "r2"), "b", List.of(), "c", List.of()), List.of(),
                List.of(change(1_000, "a", true)));

        assertThat(summary.missing()).containsExactly("r3");
        assertThat(summary.problems()).singleElement().asString().contains("1 completed runs were never emitted", "r3");
    }

    @Test
    void twoLeadersAtOnceAreAProblem() {
        ClusterSummary summary = summary(Map.of("a", List.of("r1"), "b", List.of("r2", "r3"), "c", List.of()),
                List.of(),
                List.of(change(1_000, "a", true), change(5_000, "b", true), change(8_000, "a", false)));

        assertThat(summary.leaderships()).extracting(ClusterSummary.Leadership::nodeId).containsExactly("a", "b");
        assertThat(summary.largestLeaderOverlap()).isEqualTo(Duration.ofSeconds(3));
        assertThat(summary.problems()).singleElement().asString().contains("two nodes were leaders at the same time");
    }

    @Test
    void aKillNobodyTookOverFromIsAProblem() {
        ClusterSummary summary = summary(Map.of("a", List.of("r1", "r2", "r3"), "b", List.of(), "c", List.of()),
                List.of(new Failover("a", 10_000, 3, null, -1, -1, -1)), List.of(change(1_000, "a", true)));

        assertThat(summary.failovers().get(0).takeover()).isEmpty();
        assertThat(summary.problems()).singleElement().asString().contains("no node took over after a");
    }

    @Test
    void theFailoverBoundIsThreeTimesTheTakeoverTimeAndAtLeastTwentySeconds() {
        assertThat(LockTimings.defaults().takeoverTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(summary(Map.of(), List.of(), List.of()).failoverBound()).isEqualTo(Duration.ofSeconds(20));
        ClusterSummary slow = new ClusterSummary(NODES, List.of(), Set.of(), Map.of(), List.of(), List.of(), Map.of(),
                new LockTimings(Duration.ofSeconds(3), 4), Duration.ZERO, KEPT);
        assertThat(slow.failoverBound()).isEqualTo(Duration.ofSeconds(45));
    }

    private static ClusterSummary summary(Map<String, List<String>> emitted, List<Failover> failovers,
            List<LeadershipChange> leadership) {
        return summary(emitted, failovers, leadership, KEPT);
    }

    private static ClusterSummary summary(Map<String, List<String>> emitted, List<Failover> failovers,
            List<LeadershipChange> leadership, BudgetUse budget) {
        Map<String, Long> endedAt = new LinkedHashMap<>();
        failovers.forEach(f -> endedAt.put(f.killedNode(), f.killedAt()));
        NODES.forEach(node -> endedAt.putIfAbsent(node, 60_000L));
        return new ClusterSummary(NODES, List.of("r1", "r2", "r3"), Set.of("r1", "r2", "r3"), emitted, failovers,
                leadership, endedAt, LockTimings.defaults(), Duration.ofSeconds(60), budget);
    }

    private static LeadershipChange change(long at, String node, boolean leader) {
        return new LeadershipChange(at, node, leader);
    }
}
