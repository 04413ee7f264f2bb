package io.github.cameldeck.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.github.cameldeck.client.RequestBudget.Priority.FIRST;
import static io.github.cameldeck.client.RequestBudget.Priority.LATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request budget shared with other instances, on a clock and a timer the test moves: a request is granted only when
 * the cluster budget gave it, in the instance's own priority order, and an unreachable cluster budget holds requests
 * (never grants past it) until it answers again or the wait times out with the cause named.
 */
class ClusterBudgetGrantsTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    /** The other instances' budget, answering what the test scripts: a wait, a grant or a failure. */
    private static final class ScriptedBucket implements ClusterBudget.Bucket {
        final Deque<CompletableFuture<Long>> answers = new ArrayDeque<>();
        int asked;

        @Override
        public CompletableFuture<Long> tryTake() {
            asked++;
            CompletableFuture<Long> answer = answers.poll();
            return answer != null ? answer : CompletableFuture.completedFuture(0L);
        }

        void waitFor(Duration duration) {
            answers.add(CompletableFuture.completedFuture(duration.toNanos()));
        }

        void fail() {
            answers.add(CompletableFuture.failedFuture(new IllegalStateException("no member owns partition 7")));
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final ScriptedBucket cluster = new ScriptedBucket();
    private final RequestBudget budget = new RequestBudget(100, Duration.ofSeconds(10), timer, () -> timer.now,
            cluster);

    private CompletableFuture<Void> acquire(RequestBudget.Priority priority, long maxWaitNanos) {
        return budget.acquire(priority, maxWaitNanos, Runnable::run);
    }

    @Test
    void aRequestIsGrantedOnlyWhenTheClusterBudgetGivesIt() {
        cluster.waitFor(Duration.ofSeconds(3));
        CompletableFuture<Void> permit = acquire(LATER, HOUR);

        timer.advance(Duration.ZERO);
        assertThat(permit).as("the cluster budget said: in 3 s").isNotDone();
        assertThat(cluster.asked).isEqualTo(1);

        timer.advance(Duration.ofMillis(2_999));
        assertThat(permit).isNotDone();
        assertThat(cluster.asked).as("not asked again before the refill it announced").isEqualTo(1);

        timer.advance(Duration.ofMillis(1));
        assertThat(permit).isDone();
        assertThat(cluster.asked).isEqualTo(2);
        assertThat(budget.snapshot().usedInWindow()).isEqualTo(1);
    }

    @Test
    void theInstanceKeepsItsOwnOrderAndAsksForOneRequestAtATime() {
        cluster.waitFor(Duration.ofSeconds(1));
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(acquire(LATER, HOUR));
        }
        CompletableFuture<Void> answer = acquire(FIRST, HOUR);

        timer.advance(Duration.ZERO);
        assertThat(cluster.asked).as("one question while the first is unanswered").isEqualTo(1);

        timer.advance(Duration.ofSeconds(1));
        assertThat(answer).as("the answer goes before the runs that waited longer").isDone();
        assertThat(runs).allSatisfy(run -> assertThat(run).isDone());
        assertThat(cluster.asked).as("one request taken per grant").isEqualTo(5);
    }

    @Test
    void anUnreachableClusterBudgetHoldsRequestsAndIsAskedAgain() {
        cluster.fail();
        cluster.fail();
        CompletableFuture<Void> permit = acquire(FIRST, HOUR);

        timer.advance(Duration.ZERO);
        assertThat(permit).as("nothing granted past an unreachable cluster budget").isNotDone();
        assertThat(budget.snapshot().clusterUnreachable()).isTrue();

        timer.advance(Duration.ofSeconds(1));
        assertThat(permit).isNotDone();
        assertThat(cluster.asked).as("asked again a second later").isEqualTo(2);

        timer.advance(Duration.ofSeconds(1));
        assertThat(permit).isDone();
        assertThat(budget.snapshot().clusterUnreachable()).isFalse();
    }

    @Test
    void aWaitThatTimesOutNamesTheUnreachableClusterBudget() {
        for (int i = 0; i < 10; i++) {
            cluster.fail();
        }
        CompletableFuture<Void> permit = acquire(FIRST, TimeUnit.SECONDS.toNanos(3));

        timer.advance(Duration.ofSeconds(3));

        assertThatThrownBy(permit::join).isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("was free for 3000 ms")
                .hasMessageContaining("the budget shared with other instances could not be reached")
                .hasMessageContaining("no member owns partition 7");
    }

    @Test
    void theInstancesOwnWindowStillHolds() {
        RequestBudget small = new RequestBudget(2, Duration.ofSeconds(10), timer, () -> timer.now, cluster);
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            permits.add(small.acquire(FIRST, HOUR, Runnable::run));
        }

        timer.advance(Duration.ZERO);

        assertThat(permits).filteredOn(CompletableFuture::isDone).hasSize(2);
        assertThat(cluster.asked).as("not asked while the instance's own window is full").isEqualTo(2);
    }
}
