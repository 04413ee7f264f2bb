package io.github.cameldeck.taskruns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.cameldeck.client.EventLogReader;
import io.github.cameldeck.client.TaskRunHydrator;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;

/**
 * Follows Deck's event log for the watched {@code task_run.*} types: every time a run enters a status, Deck records an
 * immutable event, so a run that completes long after it was created is seen as soon as it completes, at the cost of one
 * request per poll when nothing happened. Events carry a summary without output, so the runs behind them are fetched
 * (by the hydrator). The position is the event time read up to, less the reader's overlap; it moves only past events
 * that were turned into candidates.
 * <p>
 * A terminal feed keys a run by its id and status (entered once); an episode feed (interaction_required, ...) by its
 * id, status and event id, and leaves out episodes that ended before the consumer started.
 */
final class TaskRunEventFeed implements RunSource {

    /** The most events turned into candidates in one read, so memory stays bounded after a long pause. */
    static final int MAX_EVENTS_PER_READ = 1_000;

    private final EventLogReader reader;
    private final TaskRunQuery query;
    private final TaskRunHydrator hydrator;
    private final boolean terminal;
    /** When the consumer started, by this host's clock until the first read tells Deck's, if that is earlier. */
    private volatile Instant consumerStart;
    private volatile boolean startCheckedOnDecksClock;
    /** Runs emitted around the hand-over from the catch-up, which this feed reads again: kept out of any LRU. */
    private final Set<String> handOver = ConcurrentHashMap.newKeySet();
    private volatile Instant handOverUntil;
    private volatile Instant readFrom;

    private TaskRunEventFeed(EventLogReader reader, TaskRunQuery query, TaskRunHydrator hydrator, boolean terminal,
            Instant readFrom, Instant consumerStart, Instant handOverUntil) {
        this.reader = reader;
        this.query = query;
        this.hydrator = hydrator;
        this.terminal = terminal;
        this.readFrom = readFrom;
        this.consumerStart = consumerStart;
        this.handOverUntil = handOverUntil;
    }

    /** A feed of terminal statuses that takes over from the catch-up at {@code from}. */
    static TaskRunEventFeed terminal(EventLogReader reader, TaskRunQuery query, TaskRunHydrator hydrator,
            Instant from) {
        return new TaskRunEventFeed(reader, query, hydrator, true, from, null, from);
    }

    /** A feed of non-terminal statuses, one candidate per episode, from {@code from}. */
    static TaskRunEventFeed episodes(EventLogReader reader, TaskRunQuery query, TaskRunHydrator hydrator, Instant from,
            Instant consumerStart) {
        return new TaskRunEventFeed(reader, query, hydrator, false, from, consumerStart, null);
    }

    @Override
    public List<RunCandidate> next(Predicate<String> emitted) {
        List<DeckEvent> wanted = new ArrayList<>();
        EventLogReader.Read read = reader.read(readFrom, (page, serverTime) -> {
            // dropped page by page, so a read after a burst holds only what is still to do
            for (DeckEvent event : page) {
                String key = keyOf(event);
                if (key != null && !emitted.test(key) && !handOver.contains(key) && query.mayMatch(event)) {
                    wanted.add(event);
                }
            }
            return true;
        });
        if (!startCheckedOnDecksClock && read.serverTime() != null) {
            startCheckedOnDecksClock = true;
            if (consumerStart != null && read.serverTime().isBefore(consumerStart)) {
                consumerStart = read.serverTime();
            }
        }
        wanted.sort(DeckEvent.OLDEST_FIRST);
        Map<String, DeckEvent> pending = new LinkedHashMap<>();
        Instant handledUpTo = read.newest();
        boolean capped = false;
        for (DeckEvent event : wanted) {
            if (pending.size() >= MAX_EVENTS_PER_READ) {
                // the rest is read again from here on the next poll
                handledUpTo = event.createdAtInstant();
                capped = true;
                break;
            }
            pending.put(keyOf(event), event);
        }
        List<RunCandidate> found = pending.isEmpty() ? List.of() : candidates(pending);
        moveTo(handledUpTo);
        if (!capped && read.serverTime() != null) {
            // every event older than Deck's time of the read was in it
            moveTo(read.serverTime());
        }
        Instant until = handOverUntil;
        if (until != null && readFrom.isAfter(until.plus(EventLogReader.OVERLAP.multipliedBy(2)))) {
            handOver.clear();
            handOverUntil = null;
        }
        return found;
    }

    private List<RunCandidate> candidates(Map<String, DeckEvent> pending) {
        Map<String, TaskRun> runs = hydrator.fetch(pending.values());
        List<RunCandidate> found = new ArrayList<>();
        for (Map.Entry<String, DeckEvent> entry : pending.entrySet()) {
            DeckEvent event = entry.getValue();
            TaskRun run = runs.get(event.dataText("id"));
            if (run != null && query.matches(run) && (terminal || isCurrentOrNew(event, run))) {
                found.add(new RunCandidate(entry.getKey(), run, event.createdAtInstant(), this));
            }
        }
        return found;
    }

    /** The key that records the event's entry into its status, or null for an event that is not a usable run event. */
    private String keyOf(DeckEvent event) {
        if (!event.isTaskRunEvent() || event.getCreatedAt() == null) {
            return null;
        }
        String runId = event.dataText("id");
        return terminal
                ? WatchedStatuses.terminalKey(runId, event.getTaskRunStatus())
                : WatchedStatuses.episodeKey(runId, event.getTaskRunStatus(), event.getId());
    }

    /**
     * An episode that ended before this consumer started (the run has left the status since) is not emitted: nobody can
     * act on it any more. Episodes seen while the consumer runs are emitted even when they are over by the time the run
     * is fetched.
     */
    private boolean isCurrentOrNew(DeckEvent event, TaskRun run) {
        return !event.createdAtInstant().isBefore(consumerStart)
                || event.getTaskRunStatus().equals(run.getStatusValue())
                || run.getStatus() == TaskRunStatus.fromValue(event.getTaskRunStatus());
    }

    /** Moves the position to the time of the newest event handled, less the overlap (never backwards). */
    private void moveTo(Instant eventTime) {
        if (eventTime == null) {
            return;
        }
        Instant next = eventTime.minus(EventLogReader.OVERLAP);
        if (next.isAfter(readFrom)) {
            readFrom = next;
        }
    }

    /**
     * Moves the start of a feed that has not read yet back to {@code decksTime} when that is earlier: the start was
     * taken from this host's clock, which can be ahead of Deck's, and events Deck records before it would never be
     * read.
     */
    void startNoLaterThan(Instant decksTime) {
        if (decksTime.isBefore(readFrom)) {
            readFrom = decksTime;
        }
        Instant until = handOverUntil;
        if (until != null && decksTime.isBefore(until)) {
            handOverUntil = decksTime;
        }
    }

    /** A run emitted from here or by the catch-up; this feed's reads around the hand-over skip it. */
    void handedOver(RunCandidate candidate) {
        Instant until = handOverUntil;
        if (until != null && !candidate.enteredAt().isBefore(until.minus(EventLogReader.OVERLAP))) {
            handOver.add(candidate.key());
        }
    }

    @Override
    public void emitted(RunCandidate candidate) {
        handedOver(candidate);
    }

    @Override
    public Instant readFrom() {
        return readFrom;
    }

    /** When a run entered its current status, as far as the run itself tells. */
    static Instant enteredAt(TaskRun run) {
        if (run.getUpdatedAt() != null) {
            return run.getUpdatedAt().toInstant();
        }
        return run.getCreatedAt() != null ? run.getCreatedAt().toInstant() : Instant.EPOCH;
    }
}
