package io.github.cameldeck.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo, as a test: three node JVMs, 1,000 runs, the leader killed with {@code kill -9} at 30% and 60% of the
 * creations, while every node also starts runs from the organization's budget they share. Runs only with {@code -Pcluster} (about a minute).
 */
@Tag("cluster")
class ClusterFailoverTest {

    @Test
    void theLeaderIsKilledTwiceAndNoCompletedRunIsLost() throws Exception {
        DemoOptions options = new DemoOptions(1000, 40, List.of(0.3, 0.6),
                Path.of(System.getProperty("cluster.work-dir", "target/cluster-test")), LockTimings.defaults());

        ClusterSummary summary = DeckClusterDemo.run(options, System.out);
        summary.print(System.out);

        assertThat(summary.created()).hasSize(1000);
        assertThat(summary.completed()).hasSize(1000);
        // at least once: every completed run emitted by some node
        assertThat(summary.missing()).as("completed runs never emitted").isEmpty();
        // a run emitted again only as the exchange in flight in a killed node: at most one per kill
        assertThat(summary.duplicates()).allSatisfy(duplicate -> {
            assertThat(duplicate.inFlightAtKillOf()).as(duplicate.runId() + " in flight at a kill").isNotEmpty();
            assertThat(duplicate.times()).isEqualTo(2);
        });
        assertThat(summary.duplicates()).hasSizeLessThanOrEqualTo(summary.failovers().size());
        // each kill: another node took over, within the bound derived from the lock timings
        assertThat(summary.failovers()).hasSize(2).allSatisfy(failover -> {
            assertThat(failover.newLeader()).as("new leader after " + failover.killedNode()).isNotNull()
                    .isNotEqualTo(failover.killedNode());
            assertThat(failover.takeover().orElseThrow()).as("takeover after " + failover.killedNode())
                    .isLessThanOrEqualTo(summary.failoverBound());
        });
        assertThat(summary.failovers()).extracting(Failover::killedNode).doesNotHaveDuplicates();
        // one leader at a time: the lock is held by one JVM; allow the lock's own interval for the logging
        assertThat(summary.largestLeaderOverlap()).isLessThanOrEqualTo(options.lockTimings().acquireInterval());
        assertThat(summary.leaderships()).hasSizeGreaterThanOrEqualTo(3);
        // the three nodes together stay within the organization's budget, across both kills
        assertThat(summary.budget().runsStarted()).as("runs the nodes started").isPositive();
        assertThat(summary.budget().busiestWindow()).as("requests in the busiest window, all nodes")
                .isLessThanOrEqualTo(summary.budget().limit());
        assertThat(summary.budget().rateLimited()).as("429 answers").isZero();
        assertThat(summary.problems()).isEmpty();
        assertThat(summary.wallTime()).isLessThan(Duration.ofMinutes(3));
    }

    @AfterEach
    void noNodeJvmIsLeftBehind() throws Exception {
        Thread.sleep(500);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
