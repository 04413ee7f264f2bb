package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of {@code GET /events}: event types (exact, or a prefix ending in {@code .*} such as {@code task_run.*};
 * empty = all) and an exclusive creation-time range.
 */
public record EventFilter(Set<String> types, Instant createdAfter, Instant createdBefore) {

    public EventFilter {
        types = Set.copyOf(types);
    }

    public static EventFilter none() {
        return new EventFilter(Set.of(), null, null);
    }

    boolean test(EventRecord event) {
        if (types.isEmpty() || types.contains(event.type())) {
            return true;
        }
        for (String type : types) {
            if (type.endsWith(".*") && event.type().startsWith(type.substring(0, type.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
