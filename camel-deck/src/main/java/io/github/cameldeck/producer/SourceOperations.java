package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.Source;
import org.apache.camel.Exchange;

/** The operations on sources, the websites agents log into: createSource, getSource, listSources, deleteSource. */
final class SourceOperations extends ResourceGroup<Source> {

    SourceOperations(DeckEndpoint endpoint) {
        super(endpoint, "/sources", Source.class, DeckConstants.SOURCE_ID, "sourceId");
        register(DeckOperation.createSource, this::createSource);
        register(DeckOperation.getSource, exchange -> get(exchange, DeckOperation.getSource));
        register(DeckOperation.listSources, exchange -> list(exchange, List.of()));
        register(DeckOperation.deleteSource, exchange -> delete(exchange, DeckOperation.deleteSource));
    }

    @Override
    protected String idOptionValue() {
        return configuration.getSourceId();
    }

    private CompletableFuture<Void> createSource(Exchange exchange) {
        ObjectNode body = requiredBody(exchange, DeckOperation.createSource, false,
                "the source (type, website.url, name)");
        // website is the only type Deck has
        fillIn(body, "type", "website");
        requireFields(body, DeckOperation.createSource, Map.of(), "website.url");
        return create(exchange, DeckOperation.createSource, body);
    }
}
