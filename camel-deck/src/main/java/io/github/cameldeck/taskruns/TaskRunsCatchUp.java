package io.github.cameldeck.taskruns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.Page;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.TaskRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taskRuns consumer's first source: the runs created within lookback that are already in a watched terminal
 * status, read page by page with {@code GET /task-runs} (one request per page). The cursor is the position; it survives
 * failed polls. When the last page is read, the terminal event feed takes over; the runs emitted here close to the
 * hand-over are passed on to it, since its first read covers them again.
 */
final class TaskRunsCatchUp implements RunSource {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunsCatchUp.class);

    private final DeckClient client;
    private final TaskRunQuery query;
    private final TaskRunEventFeed next;
    private String cursor;
    private volatile boolean done;
    private boolean handOverOnDecksClock;

    /**
     * @param query the terminal statuses and the lookback window
     * @param next  the feed that follows the terminal statuses from the hand-over on
     */
    TaskRunsCatchUp(DeckClient client, TaskRunQuery query, TaskRunEventFeed next) {
        this.client = client;
        this.query = query;
        this.next = next;
    }

    @Override
    public boolean isCatchingUp() {
        return !done;
    }

    /** The next page's runs; an invalid cursor restarts from the first page (what was emitted is in the ledger). */
    @Override
    public List<RunCandidate> next(Predicate<String> emitted) {
        if (done) {
            return List.of();
        }
        Page<TaskRun> page;
        try {
            page = Futures.await(client.listTaskRuns(query, cursor));
        } catch (DeckApiException e) {
            if ("cursor_invalid".equals(e.getErrorCode())) {
                cursor = null;
            }
            throw e;
        }
        if (!handOverOnDecksClock && page.serverTime() != null) {
            // the hand-over was set on this host's clock; a host ahead of Deck would skip what completes meanwhile
            handOverOnDecksClock = true;
            next.startNoLaterThan(page.serverTime().minus(DeckTaskRunsConsumer.START_MARGIN));
        }
        cursor = page.nextCursor();
        done = !page.hasMore();
        List<RunCandidate> found = new ArrayList<>();
        for (TaskRun run : page.data()) {
            String key = WatchedStatuses.terminalKey(run.getId(), run.getStatusValue());
            if (!emitted.test(key)) {
                found.add(new RunCandidate(key, run, TaskRunEventFeed.enteredAt(run), this));
            }
        }
        if (done) {
            LOG.debug("Catch-up done; following the event log from {}", next.readFrom());
        }
        return found;
    }

    @Override
    public void emitted(RunCandidate candidate) {
        next.handedOver(candidate);
    }
}
