package io.github.cameldeck.simulator.core;

import java.time.Instant;

/** Position of an item in a creation-ordered list: creation time (full precision), then id. */
public record SortKey(Instant createdAt, String id) implements Comparable<SortKey> {

    @Override
    public int compareTo(SortKey other) {
        int c = createdAt.compareTo(other.createdAt);
        return c != 0 ? c : id.compareTo(other.id);
    }
}
