package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.EventDelivery;
import io.github.cameldeck.model.EventDestination;
import org.apache.camel.Exchange;

/**
 * The operations on event destinations, where Deck sends events: createEventDestination, getEventDestination,
 * listEventDestinations, updateEventDestination, deleteEventDestination, listEventDeliveries. A webhook's signing
 * secret is a secret: no error message shows any part of a body that may hold it.
 */
final class DestinationOperations extends ResourceGroup<EventDestination> {

    static final Set<String> DELIVERY_STATUSES = Set.of("success", "failure");

    DestinationOperations(DeckEndpoint endpoint) {
        super(endpoint, "/event-destinations", EventDestination.class, DeckConstants.DESTINATION_ID, "destinationId");
        register(DeckOperation.createEventDestination, this::createDestination);
        register(DeckOperation.getEventDestination, exchange -> get(exchange, DeckOperation.getEventDestination));
        register(DeckOperation.listEventDestinations, exchange -> list(exchange, List.of()));
        register(DeckOperation.updateEventDestination, exchange -> update(exchange,
                DeckOperation.updateEventDestination, requiredBody(exchange, DeckOperation.updateEventDestination,
                        true, "the fields to change (name, status, events)")));
        register(DeckOperation.deleteEventDestination,
                exchange -> delete(exchange, DeckOperation.deleteEventDestination));
        register(DeckOperation.listEventDeliveries, this::listDeliveries, this::deliveryFilters);
    }

    @Override
    protected String idOptionValue() {
        return configuration.getDestinationId();
    }

    private CompletableFuture<Void> createDestination(Exchange exchange) {
        ObjectNode body = requiredBody(exchange, DeckOperation.createEventDestination, true,
                "the destination (name, type, events, and the type's settings, e.g. webhook.url)");
        requireFields(body, DeckOperation.createEventDestination, Map.of(), "name");
        if (!body.hasNonNull("type") || "webhook".equals(body.path("type").asText())) {
            requireFields(body, DeckOperation.createEventDestination, Map.of(), "webhook.url");
        }
        return create(exchange, DeckOperation.createEventDestination, body);
    }

    private CompletableFuture<Void> listDeliveries(Exchange exchange) {
        String id = id(exchange, DeckOperation.listEventDeliveries);
        List<Map.Entry<String, String>> query = deliveryFilters();
        String path = pathOf(id) + "/event-deliveries";
        return list(exchange, cursor -> endpoint.getClient().fetchPage(path, query, cursor, EventDelivery.class));
    }

    private List<Map.Entry<String, String>> deliveryFilters() {
        return ListFilters.of(DeckOperation.listEventDeliveries)
                .addOneOf("status", "status", configuration.getStatus(), DELIVERY_STATUSES)
                .addEach("type", endpoint.getEventsConfiguration().getTypes())
                .add("limit", Integer.toString(configuration.getPageSize()))
                .build();
    }
}
