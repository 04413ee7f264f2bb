package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Items kept in creation order (ascending {@link SortKey}: created_at, then a time-ordered id) with an id index, so
 * that newest-first pages need no sorting and a keyset cursor is a binary search. The oldest items can be dropped
 * (event retention). Not thread-safe: used under the simulator's lock.
 */
public final class OrderedStore<T> {

    private static final class Entry<T> {
        final SortKey key;
        T item;

        Entry(SortKey key, T item) {
            this.key = key;
            this.item = item;
        }
    }

    private final Function<T, String> idOf;
    private final Function<T, Instant> createdAtOf;
    private final Map<String, Entry<T>> byId = new HashMap<>();
    private ArrayList<Entry<T>> entries = new ArrayList<>();
    private int head;

    public OrderedStore(Function<T, String> idOf, Function<T, Instant> createdAtOf) {
        this.idOf = idOf;
        this.createdAtOf = createdAtOf;
    }

    /** Appends an item keyed by its creation time and id; it must sort after every stored item. */
    public void add(T item) {
        add(item, new SortKey(createdAtOf.apply(item), idOf.apply(item)));
    }

    /**
     * Appends an item with an explicit ordering key (for items whose id is not time-ordered, e.g. client-chosen task
     * ids); the key must sort after every stored key.
     */
    public void add(T item, SortKey key) {
        if (!entries.isEmpty() && size() > 0 && key.compareTo(entries.get(entries.size() - 1).key) <= 0) {
            throw new IllegalStateException("Items must be added in creation order: " + idOf.apply(item));
        }
        String id = idOf.apply(item);
        if (byId.containsKey(id)) {
            throw new IllegalStateException("Duplicate id " + id);
        }
        Entry<T> entry = new Entry<>(key, item);
        entries.add(entry);
        byId.put(id, entry);
    }

    /** Replaces the stored item with the same id, keeping its position. */
    public void replace(T item) {
        Entry<T> entry = byId.get(idOf.apply(item));
        if (entry == null) {
            throw new IllegalArgumentException("Unknown id " + idOf.apply(item));
        }
        entry.item = item;
    }

    public T get(String id) {
        if (id == null) {
            return null;
        }
        Entry<T> entry = byId.get(id);
        return entry == null ? null : entry.item;
    }

    /** The ordering key of a stored item, or null if the id is unknown. */
    public SortKey keyOf(String id) {
        Entry<T> entry = id == null ? null : byId.get(id);
        return entry == null ? null : entry.key;
    }

    public int size() {
        return entries.size() - head;
    }

    public T newest() {
        return size() == 0 ? null : entries.get(entries.size() - 1).item;
    }

    public T oldest() {
        return size() == 0 ? null : entries.get(head).item;
    }

    /** Drops the oldest item. */
    public void removeOldest() {
        Entry<T> entry = entries.get(head);
        entries.set(head, null);
        head++;
        byId.remove(idOf.apply(entry.item));
        if (head > 1024 && head > entries.size() / 2) {
            entries = new ArrayList<>(entries.subList(head, entries.size()));
            head = 0;
        }
    }

    /** Removes the item with this id, if stored (linear in the number of items: meant for small stores). */
    public void remove(String id) {
        Entry<T> entry = id == null ? null : byId.remove(id);
        if (entry != null) {
            entries.remove(firstIndexAtOrAfter(entry.key));
        }
    }

    public void clear() {
        entries = new ArrayList<>();
        head = 0;
        byId.clear();
    }

    /** All items, newest first. */
    public List<T> newestFirst() {
        List<T> list = new ArrayList<>(size());
        for (int i = entries.size() - 1; i >= head; i--) {
            list.add(entries.get(i).item);
        }
        return list;
    }

    /**
     * Up to {@code limit} matching items with their keys, newest first, strictly older than {@code before} (null =
     * from the newest), created strictly before {@code createdBefore} and strictly after {@code createdAfter} (either
     * may be null). {@code skip} matches are skipped first (offset pagination).
     */
    Slice<Map.Entry<SortKey, T>> page(Predicate<? super T> filter, int limit, SortKey before, int skip,
            Instant createdAfter, Instant createdBefore) {
        int start = entries.size();
        if (before != null) {
            start = Math.min(start, firstIndexAtOrAfter(before));
        }
        if (createdBefore != null) {
            start = Math.min(start, firstIndexAtOrAfter(new SortKey(createdBefore, "")));
        }
        List<Map.Entry<SortKey, T>> out = new ArrayList<>(Math.min(limit, 128));
        int skipped = 0;
        for (int i = start - 1; i >= head; i--) {
            Entry<T> entry = entries.get(i);
            if (createdAfter != null && !entry.key.createdAt().isAfter(createdAfter)) {
                break;
            }
            if (filter.test(entry.item)) {
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                if (out.size() == limit) {
                    return new Slice<>(out, true);
                }
                out.add(Map.entry(entry.key, entry.item));
            }
        }
        return new Slice<>(out, false);
    }

    /**
     * The {@code limit} matching items closest to but strictly newer than {@code after} (the page before it when
     * listing newest first), returned newest first; {@code hasMore} tells whether even newer matches exist.
     */
    Slice<Map.Entry<SortKey, T>> pageNewerThan(Predicate<? super T> filter, int limit, SortKey after,
            Instant createdAfter, Instant createdBefore) {
        int start = Math.max(head, firstIndexAfter(after));
        List<Map.Entry<SortKey, T>> out = new ArrayList<>(Math.min(limit, 128));
        boolean more = false;
        for (int i = start; i < entries.size(); i++) {
            Entry<T> entry = entries.get(i);
            Instant created = entry.key.createdAt();
            if (createdBefore != null && !created.isBefore(createdBefore)) {
                break;
            }
            if (createdAfter != null && !created.isAfter(createdAfter)) {
                continue;
            }
            if (filter.test(entry.item)) {
                if (out.size() == limit) {
                    more = true;
                    break;
                }
                out.add(Map.entry(entry.key, entry.item));
            }
        }
        Collections.reverse(out);
        return new Slice<>(out, more);
    }

    private int firstIndexAtOrAfter(SortKey key) {
        int lo = head;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).key.compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstIndexAfter(SortKey key) {
        int lo = head;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).key.compareTo(key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
