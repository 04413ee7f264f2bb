package io.github.cameldeck.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.github.cameldeck.simulator.util.IdGenerator;

/**
 * The append-only event log, newest last. Keeps 30 days of simulated time and at most {@code capacity} events,
 * dropping the oldest. Tells a listener about every new event (webhook delivery).
 */
final class EventLog {

    static final Duration RETENTION = Duration.ofDays(30);

    private final OrderedStore<EventRecord> store = new OrderedStore<>(EventRecord::id, EventRecord::createdAt);
    private final IdGenerator ids;
    private final int capacity;
    private final Consumer<EventRecord> listener;

    EventLog(IdGenerator ids, int capacity, Consumer<EventRecord> listener) {
        this.ids = ids;
        this.capacity = capacity;
        this.listener = listener;
    }

    EventRecord append(String type, EventPayload data, Instant at) {
        EventRecord event = new EventRecord(ids.next("evt_", at.toEpochMilli()), type, at, data);
        store.add(event);
        Instant horizon = at.minus(RETENTION);
        while (store.size() > capacity || store.oldest().createdAt().isBefore(horizon)) {
            store.removeOldest();
        }
        listener.accept(event);
        return event;
    }

    OrderedStore<EventRecord> store() {
        return store;
    }

    void clear() {
        store.clear();
    }
}
