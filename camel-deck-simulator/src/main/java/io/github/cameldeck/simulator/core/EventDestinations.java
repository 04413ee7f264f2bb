package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.github.cameldeck.simulator.EventDeliveryInfo;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.util.IdGenerator;

/**
 * Event destinations, their webhook secrets and headers, and their delivery history; hands every appended event to
 * the {@link WebhookOutbox} for each active webhook destination subscribed to it. Not thread-safe: used under the
 * simulator's lock.
 */
final class EventDestinations {

    final OrderedStore<EventDestinationInfo> store = new OrderedStore<>(EventDestinationInfo::id,
            EventDestinationInfo::createdAt);
    final Map<String, WebhookSecrets> secrets = new HashMap<>();
    final Map<String, Map<String, String>> customHeaders = new HashMap<>();
    private final Map<String, OrderedStore<EventDeliveryInfo>> deliveries = new HashMap<>();
    private final IdGenerator ids;
    private final int capacity;
    private WebhookOutbox outbox;

    EventDestinations(IdGenerator ids, int capacity) {
        this.ids = ids;
        this.capacity = capacity;
    }

    /** True if the subscriptions cover the type: {@code *}, the exact type, or a prefix like {@code task_run.*}. */
    static boolean subscribed(Collection<String> patterns, String type) {
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(type)
                    || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    void outbox(WebhookOutbox newOutbox) {
        this.outbox = newOutbox;
    }

    void add(EventDestinationInfo destination, WebhookSecrets secret, Map<String, String> headers) {
        store.add(destination);
        if (secret != null) {
            secrets.put(destination.id(), secret);
            customHeaders.put(destination.id(), Map.copyOf(headers));
        }
    }

    void remove(String id) {
        store.remove(id);
        secrets.remove(id);
        customHeaders.remove(id);
        deliveries.remove(id);
    }

    /** The delivery history of a destination (empty if none). */
    OrderedStore<EventDeliveryInfo> deliveries(String destinationId) {
        return deliveries.computeIfAbsent(destinationId,
                id -> new OrderedStore<>(EventDeliveryInfo::id, EventDeliveryInfo::createdAt));
    }

    /** Forgets all delivery history; destinations stay. */
    void clearDeliveries() {
        deliveries.clear();
    }

    /** Called by the event log for every new event. */
    void eventAppended(EventRecord event) {
        WebhookOutbox out = outbox;
        if (out == null || store.size() == 0) {
            return;
        }
        for (EventDestinationInfo destination : store.newestFirst()) {
            if (!destination.isWebhook() || !destination.isActive()
                    || !subscribed(destination.events(), event.type())) {
                continue;
            }
            Instant at = event.createdAt();
            String deliveryId = ids.next("edlv_", at.toEpochMilli());
            if (out.submit(new DeliveryTicket(deliveryId, destination.id(), event))) {
                OrderedStore<EventDeliveryInfo> history = deliveries(destination.id());
                history.add(new EventDeliveryInfo(deliveryId, event.id(), event.type(), destination.id(), "pending",
                        0, at, null));
                Instant horizon = at.minus(EventLog.RETENTION);
                while (history.size() > capacity || history.oldest().createdAt().isBefore(horizon)) {
                    history.removeOldest();
                }
            }
        }
    }
}
