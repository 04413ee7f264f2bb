package io.github.cameldeck.client;

import java.util.List;

import io.github.cameldeck.model.EventDestination;

/**
 * One page of {@code GET /event-destinations}.
 */
public record EventDestinationPage(List<EventDestination> data, boolean hasMore, String nextCursor) {
}
