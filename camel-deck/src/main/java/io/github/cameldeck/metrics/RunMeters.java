package io.github.cameldeck.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.model.DeckError;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of task runs, from the runs Deck's answers and the consumers describe: runs started and settled (each run
 * id counted once, however often it is seen), their duration, the time they waited for a person, and how long after a
 * run settled a consumer created its exchange. The ids are kept in bounded {@link RecentIds}.
 */
final class RunMeters {

    static final String STARTED = "deck.runs.started";
    static final String SETTLED = "deck.runs.settled";
    static final String DURATION = "deck.runs.duration";
    static final String PERSON_WAIT = "deck.runs.person.wait";
    static final String CONSUMER_LAG = "deck.consumer.lag";

    /** How many run ids each kind of record keeps. */
    static final int REMEMBERED_RUNS = 10_000;

    private final MeterRegistry registry;
    private final RecentIds<Boolean> started = new RecentIds<>(REMEMBERED_RUNS);
    private final RecentIds<Boolean> settled = new RecentIds<>(REMEMBERED_RUNS);
    private final RecentIds<Waiting> waiting = new RecentIds<>(REMEMBERED_RUNS);

    /** A run seen waiting for a person: in which status, since when (the registry's monotonic clock). */
    private record Waiting(TaskRunStatus status, long sinceNanos) {
    }

    RunMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void started(TaskRun run) {
        if (run.getId() == null || !started.add(run.getId(), Boolean.TRUE)) {
            return;
        }
        Counter.builder(STARTED)
                .description("Task runs that runTask started")
                .tag("task", tagValue(run.getTaskId()))
                .register(registry)
                .increment();
        seen(run);
    }

    void seen(TaskRun run) {
        TaskRunStatus status = run.getStatus();
        if (run.getId() == null || status == null) {
            return;
        }
        trackWaiting(run.getId(), run.getTaskId(), status);
        if (status.isTerminal() && settled.add(run.getId(), Boolean.TRUE)) {
            Counter.builder(SETTLED)
                    .description("Task runs seen settled, by outcome")
                    .tag("task", tagValue(run.getTaskId()))
                    .tag("outcome", status.value())
                    .tag("error.type", status == TaskRunStatus.FAILED ? errorType(run) : "none")
                    .register(registry)
                    .increment();
            Duration duration = duration(run, status);
            if (duration != null) {
                Timer.builder(DURATION)
                        .description("Task runs' duration: Deck's runtime_ms, else creation to settling")
                        .tag("task", tagValue(run.getTaskId()))
                        .tag("outcome", status.value())
                        .register(registry)
                        .record(duration);
            }
        }
    }

    void delivered(String consumer, TaskRun run, Instant exchangeCreated) {
        seen(run);
        OffsetDateTime settledAt = settledAt(run);
        if (settledAt == null) {
            return;
        }
        Duration lag = Duration.between(settledAt.toInstant(), exchangeCreated);
        Timer.builder(CONSUMER_LAG)
                .description("From a run settling on Deck to the exchange a consumer created for it")
                .tag("consumer", consumer)
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Waiting for a person: from the first sighting in that status to the next sighting in another. */
    private void trackWaiting(String id, String taskId, TaskRunStatus status) {
        Waiting before = waiting.get(id);
        if (before != null && before.status() == status) {
            return;
        }
        long now = registry.config().clock().monotonicTime();
        if (before != null && waiting.remove(id) != null) {
            Timer.builder(PERSON_WAIT)
                    .description("Time task runs waited for a person, by the status they waited in")
                    .tag("task", tagValue(taskId))
                    .tag("status", before.status().value())
                    .register(registry)
                    .record(now - before.sinceNanos(), TimeUnit.NANOSECONDS);
        }
        if (status.isWaitingForPerson()) {
            waiting.add(id, new Waiting(status, now));
        }
    }

    private static Duration duration(TaskRun run, TaskRunStatus status) {
        if (run.getRuntimeMs() != null) {
            return Duration.ofMillis(run.getRuntimeMs());
        }
        OffsetDateTime end = settledAt(run);
        if (run.getCreatedAt() == null || end == null) {
            return null;
        }
        Duration duration = Duration.between(run.getCreatedAt(), end);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** When a settled run settled: canceled_at for a canceled one, else updated_at; null while it runs. */
    private static OffsetDateTime settledAt(TaskRun run) {
        if (!run.isTerminal()) {
            return null;
        }
        if (run.getStatus() == TaskRunStatus.CANCELED && run.getCanceledAt() != null) {
            return run.getCanceledAt();
        }
        return run.getUpdatedAt();
    }

    /** The type of the run's first error that has one; {@code unknown} when none has. */
    private static String errorType(TaskRun run) {
        for (DeckError error : run.getErrors()) {
            if (error != null && error.getType() != null && !error.getType().isBlank()) {
                return error.getType();
            }
        }
        return "unknown";
    }

    private static String tagValue(String value) {
        return value != null && !value.isBlank() ? value : "unknown";
    }
}
