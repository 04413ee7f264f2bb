package io.github.cameldeck.simulator.core;

import io.github.cameldeck.simulator.paging.Cursor;

/**
 * What page of a list is asked for: {@code limit}, at most one of a decoded {@code cursor}, a {@code starting_after}
 * id or an {@code ending_before} id (older spellings), and the fingerprint of the filters in effect.
 */
public record PageRequest(int limit, Cursor cursor, String startingAfter, String endingBefore, String fingerprint) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null, null, null, "");
    }

    public boolean isContinuation() {
        return cursor != null || startingAfter != null || endingBefore != null;
    }
}
