package io.github.cameldeck.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.Page;
import io.github.cameldeck.model.EventDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Deck has a webhook event destination for the consumer's public URL: reuses the one with that URL (switched
 * back to active and subscribed to the watched types when needed), else creates one signed with the configured secret.
 */
final class EventDestinationRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(EventDestinationRegistrar.class);

    private final DeckClient client;
    private final String url;
    private final List<String> types;
    private final String secret;
    private final String name;

    /**
     * @param types the event types to subscribe to; empty for every type
     */
    EventDestinationRegistrar(DeckClient client, String url, List<String> types, String secret, String name) {
        this.client = client;
        this.url = url;
        this.types = types;
        this.secret = secret;
        this.name = name;
    }

    EventDestination register() {
        EventDestination existing = findByUrl();
        List<String> subscription = types.isEmpty() ? List.of("*") : types;
        if (existing == null) {
            EventDestination created = Futures.await(client.createWebhookDestination(name, url, secret, subscription,
                    UUID.randomUUID().toString()));
            LOG.info("Created Deck event destination {} for {}", created.getId(), url);
            return created;
        }
        String status = "active".equals(existing.getStatus()) ? null : "active";
        List<String> events = null;
        List<String> missing = missingTypes(existing.getEvents());
        if (!missing.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(existing.getEvents());
            all.addAll(missing);
            events = types.isEmpty() ? subscription : new ArrayList<>(all);
        }
        if (status == null && events == null) {
            LOG.info("Using Deck event destination {} for {}", existing.getId(), url);
            return existing;
        }
        EventDestination updated = Futures.await(client.updateEventDestination(existing.getId(), status, events));
        LOG.info("Using Deck event destination {} for {}, updated: {}", existing.getId(), url,
                status != null && events != null ? "status, events" : status != null ? "status" : "events");
        return updated;
    }

    void unregister(EventDestination destination) {
        try {
            Futures.await(client.deleteEventDestination(destination.getId()));
            LOG.info("Deleted Deck event destination {} for {}", destination.getId(), url);
        } catch (DeckApiException e) {
            if (e.getHttpResponseCode() != 404) {
                throw e;
            }
        }
    }

    private EventDestination findByUrl() {
        String cursor = null;
        do {
            Page<EventDestination> page = Futures.await(client.listEventDestinations(cursor));
            for (EventDestination destination : page.data()) {
                if ("webhook".equals(destination.getType()) && url.equals(destination.getWebhookUrl())) {
                    return destination;
                }
            }
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        return null;
    }

    private List<String> missingTypes(List<String> subscribed) {
        if (subscribed.contains("*")) {
            return List.of();
        }
        if (types.isEmpty()) {
            return List.of("*");
        }
        return types.stream().filter(t -> !subscribed.contains(t)).toList();
    }
}
