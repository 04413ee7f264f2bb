package io.github.cameldeck.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.cameldeck.simulator.ManualClock;
import io.github.cameldeck.simulator.SimulatorClock;

/**
 * Owns the simulated data and its one lock. Every operation runs under the lock after applying all transitions due
 * at the current simulated time, so state observed by any request is up to date and events stay in order.
 */
public final class SimulatorEngine {

    private final ReentrantLock lock = new ReentrantLock();
    private final SimulatorClock clock;
    private final DeckState state;
    private final RunLifecycle lifecycle;
    private final TaskProgression progression;

    public SimulatorEngine(SimulatorClock clock, EngineSettings settings) {
        this.clock = clock;
        this.state = new DeckState(settings);
        this.progression = new TaskProgression(state);
        this.lifecycle = new RunLifecycle(state, progression);
    }

    /** Runs {@code operation} under the lock with the current time, after processing due transitions. */
    public <T> T call(Function<Instant, T> operation) {
        lock.lock();
        try {
            Instant now = clock.now();
            lifecycle.processDue(now);
            return operation.apply(now);
        } finally {
            lock.unlock();
        }
    }

    /** Applies every transition due by now. */
    public void processDue() {
        call(now -> null);
    }

    /** Moves a manual clock forward and applies the transitions that became due, in due-time order. */
    public Instant advance(Duration duration) {
        if (!(clock instanceof ManualClock)) {
            throw new IllegalStateException("advance() needs a manual clock (SimulatorClock.manual(...))");
        }
        lock.lock();
        try {
            Instant now = ((ManualClock) clock).advance(duration);
            lifecycle.processDue(now);
            return now;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets runs, sessions, storage items, events and pending transitions; keeps the catalog. */
    public void clearActivity() {
        call(now -> {
            state.clearActivity();
            lifecycle.clear();
            return null;
        });
    }

    public SimulatorClock clock() {
        return clock;
    }

    public EngineSettings settings() {
        return state.settings;
    }

    /** Transitions waiting in the queue (including obsolete ones not yet due). */
    public int pendingTransitions() {
        return call(now -> lifecycle.pendingTransitions());
    }

    DeckState state() {
        return state;
    }

    RunLifecycle lifecycle() {
        return lifecycle;
    }

    TaskProgression progression() {
        return progression;
    }
}
