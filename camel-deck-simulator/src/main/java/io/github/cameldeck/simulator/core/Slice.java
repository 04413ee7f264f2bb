package io.github.cameldeck.simulator.core;

import java.util.List;

/** Items of one page, newest first, and whether more items follow in the same direction. */
record Slice<T>(List<T> items, boolean hasMore) {
}
