package io.github.cameldeck;

import java.util.List;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.TaskRunPage;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.TaskRun;

/**
 * The taskRuns consumer's first pass: the runs created within lookback that are already in a watched terminal status,
 * read page by page with {@code GET /task-runs} (one request per page, as a plain paging loop). The cursor is the
 * position; it survives failed polls.
 */
final class TaskRunsCatchUp {

    private final DeckClient client;
    private final TaskRunQuery query;
    private String cursor;
    private boolean done;

    TaskRunsCatchUp(DeckClient client, TaskRunQuery query) {
        this.client = client;
        this.query = query;
    }

    boolean isDone() {
        return done;
    }

    /** The next page of runs; an invalid cursor restarts from the first page (what was emitted is in the repository). */
    List<TaskRun> nextPage() {
        TaskRunPage page;
        try {
            page = Futures.await(client.listTaskRuns(query, cursor));
        } catch (DeckApiException e) {
            if ("cursor_invalid".equals(e.getErrorCode())) {
                cursor = null;
            }
            throw e;
        }
        cursor = page.nextCursor();
        done = !page.hasMore();
        return page.data();
    }
}
