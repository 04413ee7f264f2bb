package io.github.cameldeck.client;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSlotsTest {

    private final RunSlots slots = new RunSlots(2);

    @Test
    void aThirdRunWaitsUntilOneFinishes() {
        assertThat(slots.take(Runnable::run)).isDone();
        slots.started("trun_1");
        assertThat(slots.take(Runnable::run)).isDone();
        slots.started("trun_2");
        CompletableFuture<Void> third = slots.take(Runnable::run);
        assertThat(third).isNotDone();
        assertThat(slots.waiting()).isEqualTo(1);

        slots.finished("trun_1");

        assertThat(third).isDone();
        assertThat(slots.inUse()).isEqualTo(2);
    }

    @Test
    void aReplayedRunHoldsOneSlot() {
        slots.take(Runnable::run);
        assertThat(slots.started("trun_1")).isTrue();
        slots.take(Runnable::run);
        assertThat(slots.started("trun_1")).as("the same run again").isFalse();
        assertThat(slots.inUse()).isEqualTo(1);
        slots.finished("trun_1");
        slots.finished("trun_1");
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aWaiterThatGaveUpPassesTheSlotOn() {
        slots.take(Runnable::run);
        slots.started("trun_1");
        slots.take(Runnable::run);
        slots.started("trun_2");
        CompletableFuture<Void> gaveUp = slots.take(Runnable::run);
        CompletableFuture<Void> next = slots.take(Runnable::run);
        gaveUp.cancel(false);

        slots.finished("trun_1");

        assertThat(next).isDone();
        assertThat(slots.inUse()).isEqualTo(2);
    }

    @Test
    void aBadMaximumIsNamed() {
        assertThatThrownBy(() -> new RunSlots(0))
                .hasMessageContaining("The maxConcurrentRuns option must be 1 or more");
    }
}
