package io.github.cameldeck.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.github.cameldeck.client.RequestBudget.Priority.FIRST;
import static io.github.cameldeck.client.RequestBudget.Priority.LATER;
import static org.assertj.core.api.Assertions.assertThat;

/** The request budget on a clock and a timer the test moves: pacing, order, timeouts and pauses, no sleeping. */
class RequestBudgetTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final ManualTimer timer = new ManualTimer();
    private final RequestBudget budget = new RequestBudget(3, WINDOW, timer, () -> timer.now);

    private CompletableFuture<Void> acquire(RequestBudget.Priority priority) {
        return budget.acquire(priority, HOUR, Runnable::run);
    }

    @Test
    void grantsTheLimitAtOnceThenOneAsEachAgesOut() {
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            permits.add(acquire(LATER));
        }
        assertThat(permits).filteredOn(CompletableFuture::isDone).hasSize(3);
        assertThat(budget.snapshot().waiting()).isEqualTo(2);
        assertThat(budget.snapshot().usedInWindow()).isEqualTo(3);

        timer.advance(WINDOW.minusMillis(1));
        assertThat(permits).filteredOn(CompletableFuture::isDone).as("nothing aged out yet").hasSize(3);

        timer.advance(Duration.ofMillis(250));
        assertThat(permits).filteredOn(CompletableFuture::isDone).as("the first three aged out").hasSize(5);
        assertThat(budget.snapshot().waiting()).isZero();
        assertThat(budget.snapshot().longestWait()).isGreaterThanOrEqualTo(WINDOW);
    }

    @Test
    void answersAndPollsGoBeforeNewRuns() {
        for (int i = 0; i < 3; i++) {
            acquire(LATER);
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            acquire(LATER).thenRun(() -> order.add("runTask " + n));
        }
        acquire(FIRST).thenRun(() -> order.add("poll"));
        acquire(FIRST).thenRun(() -> order.add("answer"));

        timer.advance(WINDOW.plusSeconds(1));
        assertThat(order).containsExactly("poll", "answer", "runTask 0");
        timer.advance(WINDOW.plusSeconds(1));
        assertThat(order).containsExactly("poll", "answer", "runTask 0", "runTask 1", "runTask 2");
    }

    @Test
    void aRequestThatWaitsTooLongFailsWithTheBudgetNamed() {
        for (int i = 0; i < 3; i++) {
            acquire(FIRST);
        }
        CompletableFuture<Void> late = budget.acquire(FIRST, TimeUnit.SECONDS.toNanos(2), Runnable::run);
        timer.advance(Duration.ofSeconds(3));

        assertThat(late).isCompletedExceptionally();
        assertThat(late.handle((ok, e) -> e).join())
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("no request of Deck's budget (3 per 10000 ms for this organization)")
                .hasMessageContaining("was free for 2000 ms");
        assertThat(budget.snapshot().waiting()).isZero();
    }

    @Test
    void a429PausesEveryGrantForATenthOfTheWindow() {
        budget.rateLimited();
        CompletableFuture<Void> permit = acquire(FIRST);
        assertThat(permit).isNotDone();
        timer.advance(Duration.ofMillis(999));
        assertThat(permit).isNotDone();
        timer.advance(Duration.ofMillis(1));
        assertThat(permit).isDone();
        assertThat(budget.snapshot().rateLimitedAnswers()).isEqualTo(1);
    }

    @Test
    void withoutALimitEveryRequestGoesAtOnce() {
        RequestBudget unlimited = new RequestBudget(0, WINDOW, timer, () -> timer.now);
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.acquire(LATER, 0, Runnable::run)).isDone();
        }
    }

    @Test
    void aBadLimitIsNamed() {
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> new RequestBudget(-1, WINDOW, timer, () -> 0))
                .hasMessageContaining("The rateLimit option must be 0 or more");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> new RequestBudget(10, Duration.ZERO, timer, () -> 0))
                .hasMessageContaining("The rateLimitWindow option must be positive");
    }
}
