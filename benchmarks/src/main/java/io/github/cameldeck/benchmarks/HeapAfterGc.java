package io.github.cameldeck.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap in use right after each collection of this JVM, from the collectors' notifications: the largest after a
 * full collection (the live heap, exactly, whatever other threads allocate meanwhile), and the largest after any
 * collection, young ones included (an upper bound of the live heap: after a young collection the old generation still
 * holds its garbage). Notifications arrive on a JDK thread shortly after each collection.
 */
final class HeapAfterGc implements AutoCloseable {

    private static final String FULL = "end of major GC";

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong peakAfterFull = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private final AtomicLong lastAfterFull = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    /** Starts listening to every collector of this JVM. */
    HeapAfterGc() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                used += usage.getUsed();
            }
        }
        peak.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
        if (FULL.equals(info.getGcAction())) {
            peakAfterFull.accumulateAndGet(used, Math::max);
            fullCollections.incrementAndGet();
            lastAfterFull.set(used);
        }
    }

    /** Starts the peaks and the counts from zero. */
    void reset() {
        peak.set(0);
        collections.set(0);
        peakAfterFull.set(0);
        fullCollections.set(0);
        lastAfterFull.set(0);
    }

    /** The largest heap in use after a full collection since {@link #reset()}, bytes (0 when none ran). */
    long peakAfterFull() {
        return peakAfterFull.get();
    }

    /** The heap in use after the latest full collection, bytes (0 when none ran since {@link #reset()}). */
    long lastAfterFull() {
        return lastAfterFull.get();
    }

    /** Full collections since {@link #reset()}. */
    long fullCollections() {
        return fullCollections.get();
    }

    /** The largest heap in use after any collection since {@link #reset()}, bytes (0 when none ran). */
    long peak() {
        return peak.get();
    }

    /** Collections of any kind since {@link #reset()}. */
    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // not registered: nothing to remove
            }
        }
    }
}
