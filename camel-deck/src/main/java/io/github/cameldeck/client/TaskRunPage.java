package io.github.cameldeck.client;

import java.util.List;

import io.github.cameldeck.model.TaskRun;

/**
 * One page of {@code GET /task-runs}.
 *
 * @param data       the runs of the page, in Deck's order
 * @param hasMore    whether another page follows
 * @param nextCursor the cursor of the next page; null on the last one
 * @param requestId  Deck's request_id of the page
 */
public record TaskRunPage(List<TaskRun> data, boolean hasMore, String nextCursor, String requestId) {
}
