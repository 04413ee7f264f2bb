package io.github.cameldeck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.client.EventDestinationPage;
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
        if (existing == null) {
            ObjectNode body = DeckJson.mapper().createObjectNode();
            body.put("name", name);
            body.put("type", "webhook");
            body.set("events", eventsArray(types.isEmpty() ? List.of("*") : types));
            ObjectNode webhook = body.putObject("webhook");
            webhook.put("url", url);
            webhook.put("secret", secret);
            EventDestination created = Futures.await(client.createEventDestination(body, UUID.randomUUID().toString()));
            LOG.info("Created Deck event destination {} for {}", created.getId(), url);
            return created;
        }
        ObjectNode changes = DeckJson.mapper().createObjectNode();
        if (!"active".equals(existing.getStatus())) {
            changes.put("status", "active");
        }
        List<String> missing = missingTypes(existing.getEvents());
        if (!missing.isEmpty()) {
            Set<String> events = new LinkedHashSet<>(existing.getEvents());
            events.addAll(missing);
            changes.set("events", eventsArray(types.isEmpty() ? List.of("*") : new ArrayList<>(events)));
        }
        if (changes.isEmpty()) {
            LOG.info("Using Deck event destination {} for {}", existing.getId(), url);
            return existing;
        }
        EventDestination updated = Futures.await(client.updateEventDestination(existing.getId(), changes));
        LOG.info("Using Deck event destination {} for {}, updated: {}", existing.getId(), url,
                String.join(", ", fieldNames(changes)));
        return updated;
    }

    void unregister(EventDestination destination) {
        try {
            Futures.await(client.deleteEventDestination(destination.getId()));
            LOG.info("Deleted Deck event destination {} for {}", destination.getId(), url);
        } catch (DeckApiException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
        }
    }

    private EventDestination findByUrl() {
        String cursor = null;
        do {
            EventDestinationPage page = Futures.await(client.listEventDestinations(cursor));
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

    private static ArrayNode eventsArray(List<String> events) {
        ArrayNode array = DeckJson.mapper().createArrayNode();
        events.forEach(array::add);
        return array;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
