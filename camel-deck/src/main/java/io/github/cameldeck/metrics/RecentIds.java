package io.github.cameldeck.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map from run id to a value: once full, adding forgets the oldest entry. Runs are seen many times (the wait
 * watcher, getTaskRun, the consumers), so the meters keep what they counted by run id; a run forgotten after
 * {@code capacity} newer ones could be counted again, which bounds the memory at the cost of that rare double count.
 */
final class RecentIds<V> {

    private final Map<String, V> entries;

    RecentIds(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Adds the id with its value; false when it was there already (its value is left as it was). */
    synchronized boolean add(String id, V value) {
        if (entries.containsKey(id)) {
            return false;
        }
        entries.put(id, value);
        return true;
    }

    /** The value of the id, or null. */
    synchronized V get(String id) {
        return entries.get(id);
    }

    /** Removes the id; its value, or null when it was not there. */
    synchronized V remove(String id) {
        return entries.remove(id);
    }
}
