package io.github.cameldeck.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for runs to settle (finish, or need a person: interaction_required, review_required), for every wait of one
 * Deck organization at once: while anything waits, it reads Deck's event log for those statuses once per interval
 * ({@link EventLogReader}, one request when nothing happened, however many runs wait) and fetches the runs whose events
 * it finds, in bulk ({@link TaskRunHydrator}). So 10,000 waits cost about what one costs.
 * <p>
 * The log is read from before the creation of the oldest run that started waiting since the last read, so a run that
 * settled between its start and its wait is not missed. A read that fails is tried again at the next interval from
 * the same position. A wait that reaches its timeout gets the run as it is then (read once). Threads: the reads and fetches run on
 * the scheduler, one at a time; a settled wait completes there.
 */
public final class RunWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RunWatcher.class);

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final List<String> SETTLED_TYPES = List.of(
            DeckEvent.taskRunType(TaskRunStatus.COMPLETED.value()),
            DeckEvent.taskRunType(TaskRunStatus.FAILED.value()),
            DeckEvent.taskRunType(TaskRunStatus.CANCELED.value()),
            DeckEvent.taskRunType(TaskRunStatus.INTERACTION_REQUIRED.value()),
            DeckEvent.taskRunType(TaskRunStatus.REVIEW_REQUIRED.value()));

    private final DeckClient client;
    private final EventLogReader reader;
    private final TaskRunHydrator hydrator;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, List<Wait>> waits = new HashMap<>();
    private Instant readFrom;
    /** The earliest position a wait registered since the current read began needs. */
    private Instant pendingFrom;
    private boolean scheduled;
    private long reads;

    public RunWatcher(DeckClient client, ScheduledExecutorService scheduler, Clock clock) {
        this.client = client;
        this.reader = new EventLogReader(client, SETTLED_TYPES);
        this.hydrator = new TaskRunHydrator(client,
                new TaskRunQuery(List.of(), null, null, null, List.of(), null, List.of(), null, null, 100));
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Whether a wait for this run is over: terminal, or waiting for a person. */
    public static boolean isSettled(TaskRun run) {
        return run.isTerminal() || run.isWaitingForPerson();
    }

    /**
     * The run once it settles, or as it is when {@code timeoutMs} passes first; at once when it is settled already.
     * Fails when the watcher cannot schedule (the application stops).
     */
    public CompletableFuture<TaskRun> waitFor(TaskRun run, long timeoutMs) {
        if (isSettled(run) || run.getId() == null) {
            return CompletableFuture.completedFuture(run);
        }
        Wait wait = new Wait(run, false);
        synchronized (this) {
            try {
                wait.timeout = scheduler.schedule(() -> timedOut(wait), timeoutMs, TimeUnit.MILLISECONDS);
                register(wait, run);
            } catch (RejectedExecutionException e) {
                // register() has taken the wait back, or it was never registered
                wait.result.completeExceptionally(stopped(wait, e));
            }
        }
        return wait.result;
    }

    /**
     * The run once it is terminal (completed, failed, canceled: a run waiting for a person is not), with no timeout: how
     * maxConcurrentRuns learns that a slot is free.
     */
    public CompletableFuture<TaskRun> untilTerminal(TaskRun run) {
        if (run.isTerminal() || run.getId() == null) {
            return CompletableFuture.completedFuture(run);
        }
        Wait wait = new Wait(run, true);
        try {
            register(wait, run);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(e);
        }
        return wait.result;
    }

    /** The application stops: every open wait fails. */
    public synchronized void close() {
        failAll(new RejectedExecutionException("the application is stopping"));
    }

    private void register(Wait wait, TaskRun run) {
        Instant since = (run.getCreatedAt() != null ? run.getCreatedAt().toInstant() : clock.instant())
                .minus(EventLogReader.OVERLAP);
        synchronized (this) {
            waits.computeIfAbsent(run.getId(), id -> new ArrayList<>()).add(wait);
            if (pendingFrom == null || since.isBefore(pendingFrom)) {
                pendingFrom = since;
            }
            try {
                scheduleRead();
            } catch (RejectedExecutionException e) {
                remove(wait);
                throw e;
            }
        }
    }

    /** How many waits are open. */
    public synchronized int waiting() {
        return waits.values().stream().mapToInt(List::size).sum();
    }

    /**
     * How many open waits last saw their run waiting for a person (interaction_required, review_required): waits for
     * maxConcurrentRuns' slots, which go on until the run ends.
     */
    public synchronized int waitingForPerson() {
        int count = 0;
        for (List<Wait> list : waits.values()) {
            for (Wait wait : list) {
                if (wait.lastSeen.isWaitingForPerson()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The time the next read of the event log starts from; null while nothing waits. */
    public synchronized Instant readFrom() {
        return readFrom;
    }

    /** How many reads of the event log this watcher made. */
    public synchronized long reads() {
        return reads;
    }

    private void scheduleRead() {
        if (!scheduled) {
            scheduler.schedule(this::read, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            scheduled = true;
        }
    }

    private void read() {
        Instant from;
        synchronized (this) {
            scheduled = false;
            if (waits.isEmpty()) {
                readFrom = null;
                pendingFrom = null;
                return;
            }
            from = readFrom == null || pendingFrom != null && pendingFrom.isBefore(readFrom) ? pendingFrom : readFrom;
            readFrom = from;
            pendingFrom = null;
            reads++;
        }
        try {
            Map<String, DeckEvent> settled = new LinkedHashMap<>();
            EventLogReader.Read read = reader.read(from, (page, serverTime) -> {
                synchronized (this) {
                    for (DeckEvent event : page) {
                        if (event.isTaskRunEvent() && waits.containsKey(event.dataText("id"))) {
                            settled.put(event.dataText("id"), event);
                        }
                    }
                }
                return true;
            });
            List<DeckEvent> toFetch = new ArrayList<>();
            for (DeckEvent event : settled.values()) {
                if (!completeFromSummary(event)) {
                    toFetch.add(event);
                }
            }
            if (!toFetch.isEmpty()) {
                for (TaskRun run : hydrator.fetch(toFetch).values()) {
                    complete(run, false);
                }
            }
            synchronized (this) {
                Instant next = (read.serverTime() != null ? read.serverTime() : clock.instant())
                        .minus(EventLogReader.OVERLAP);
                if (next.isAfter(from)) {
                    readFrom = next;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Reading Deck's event log for {} waiting runs failed; read again in {}: {}", waiting(), INTERVAL,
                    e.getMessage());
        } finally {
            synchronized (this) {
                if (!waits.isEmpty()) {
                    try {
                        scheduleRead();
                    } catch (RejectedExecutionException stopping) {
                        failAll(stopping);
                    }
                }
            }
        }
    }

    /**
     * Completes, from the event's summary alone, the waits of a run that ended when they only wait for its end
     * (maxConcurrentRuns' slots): no fetch for them.
     *
     * @return whether no other wait needs the full run
     */
    private boolean completeFromSummary(DeckEvent event) {
        synchronized (this) {
            List<Wait> open = waits.get(event.dataText("id"));
            if (open == null || open.stream().anyMatch(wait -> !wait.terminalOnly)) {
                return false;
            }
        }
        TaskRun summary = event.getDataAsTaskRun();
        summary.setStatusValue(event.getTaskRunStatus());
        if (!summary.isTerminal()) {
            return false;
        }
        // a wait for the full run registered meanwhile stays open: the next read's overlap finds the event again
        complete(summary, true);
        return true;
    }

    /**
     * Completes the waits the run ends (only those waiting for its end alone when it is an event's summary); the
     * others see it as it is now.
     */
    private void complete(TaskRun run, boolean summary) {
        List<Wait> done = new ArrayList<>();
        synchronized (this) {
            List<Wait> open = waits.get(run.getId());
            if (open == null) {
                return;
            }
            for (Wait wait : open) {
                if (summary && !wait.terminalOnly) {
                    continue;
                }
                if (wait.terminalOnly ? run.isTerminal() : isSettled(run)) {
                    done.add(wait);
                } else {
                    wait.lastSeen = run;
                }
            }
            open.removeAll(done);
            if (open.isEmpty()) {
                waits.remove(run.getId());
            }
        }
        for (Wait wait : done) {
            if (wait.timeout != null) {
                wait.timeout.cancel(false);
            }
            wait.result.complete(run);
        }
    }

    /** The wait is over: the run as it is now (one request), or as last seen when that read fails. */
    private void timedOut(Wait wait) {
        synchronized (this) {
            if (!remove(wait)) {
                return;
            }
        }
        client.getTaskRun(wait.runId, null).whenComplete((run, error) -> wait.result
                .complete(error == null && run != null ? run : wait.lastSeen));
    }

    private boolean remove(Wait wait) {
        List<Wait> list = waits.get(wait.runId);
        if (list == null || !list.remove(wait)) {
            return false;
        }
        if (list.isEmpty()) {
            waits.remove(wait.runId);
        }
        return true;
    }

    private void failAll(Exception cause) {
        List<Wait> all = new ArrayList<>();
        waits.values().forEach(all::addAll);
        waits.clear();
        for (Wait wait : all) {
            wait.result.completeExceptionally(stopped(wait, cause));
        }
    }

    private static IllegalStateException stopped(Wait wait, Exception cause) {
        return new IllegalStateException("Stopped while waiting for task run " + wait.runId + " (last status "
                + wait.lastSeen.getStatusValue() + ")",
                cause);
    }

    private static final class Wait {
        final String runId;
        final boolean terminalOnly;
        volatile TaskRun lastSeen;
        final CompletableFuture<TaskRun> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Wait(TaskRun run, boolean terminalOnly) {
            this.runId = run.getId();
            this.terminalOnly = terminalOnly;
            this.lastSeen = run;
        }
    }
}
