package io.github.cameldeck.client;

import java.time.Instant;
import java.util.List;

/**
 * One page of a Deck list ({@code GET /task-runs}, {@code /events}, {@code /event-destinations}, ...).
 *
 * @param data       the items of the page, in Deck's order
 * @param hasMore    whether another page follows
 * @param nextCursor the cursor of the next page; null on the last one
 * @param requestId  Deck's request_id of the page, or null
 * @param serverTime Deck's clock when it answered (its Date header), or null
 */
public record Page<T>(List<T> data, boolean hasMore, String nextCursor, String requestId, Instant serverTime) {
}
