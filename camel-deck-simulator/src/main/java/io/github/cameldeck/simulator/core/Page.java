package io.github.cameldeck.simulator.core;

import java.util.List;

/** A list response: the items, whether more follow, and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> data, boolean hasMore, String nextCursor) {
}
