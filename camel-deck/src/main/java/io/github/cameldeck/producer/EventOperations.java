package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckHttpTransport;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reading Deck's event log (kept 30 days): listEvents, getEvent. */
final class EventOperations extends OperationGroup {

    EventOperations(DeckEndpoint endpoint) {
        super(endpoint);
        register(DeckOperation.listEvents, this::listEvents, this::filters);
        register(DeckOperation.getEvent, this::getEvent);
    }

    private CompletableFuture<Void> listEvents(Exchange exchange) {
        List<Map.Entry<String, String>> query = filters();
        return list(exchange, cursor -> endpoint.getClient().fetchPage("/events", query, cursor, DeckEvent.class));
    }

    private CompletableFuture<Void> getEvent(Exchange exchange) {
        String id = required(exchange.getIn(), DeckConstants.EVENT_ID, configuration.getEventId(), "eventId",
                DeckOperation.getEvent);
        return endpoint.getClient().fetch("/events/" + DeckHttpTransport.encode(id), List.of(), DeckEvent.class)
                .thenAccept(event -> {
                    Message out = exchange.getMessage();
                    out.setBody(event);
                    out.setHeader(DeckConstants.EVENT_ID, event.getId() != null ? event.getId() : id);
                    RunHeaders.setOrRemove(out, DeckConstants.EVENT_TYPE, event.getType());
                    RunHeaders.setOrRemove(out, DeckConstants.EVENT_CREATED_AT, event.getCreatedAt());
                    RunHeaders.setRequestId(out, event.getRequestId());
                });
    }

    private List<Map.Entry<String, String>> filters() {
        return ListFilters.of(DeckOperation.listEvents)
                .addEach("type", endpoint.getEventsConfiguration().getTypes())
                .addInstant("created_after", "createdAfter", configuration.getCreatedAfter())
                .addInstant("created_before", "createdBefore", configuration.getCreatedBefore())
                .add("limit", Integer.toString(configuration.getPageSize()))
                .build();
    }
}
