package io.github.cameldeck.client;

import java.util.List;

import io.github.cameldeck.model.DeckEvent;

/**
 * One page of {@code GET /events}, with Deck's clock when it answered (its Date header, null when absent).
 */
public record EventPage(List<DeckEvent> data, boolean hasMore, String nextCursor, String requestId,
        java.time.Instant serverTime) {
}
