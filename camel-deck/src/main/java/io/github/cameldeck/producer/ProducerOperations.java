package io.github.cameldeck.producer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;

/**
 * Every producer operation of an endpoint, by operation, from the groups of each Deck resource.
 */
public final class ProducerOperations {

    private ProducerOperations() {
    }

    public static Map<DeckOperation, OperationGroup.Operation> of(DeckEndpoint endpoint) {
        List<OperationGroup> groups = List.of(new RunOperations(endpoint), new StorageOperations(endpoint),
                new ScreenshotOperations(endpoint));
        Map<DeckOperation, OperationGroup.Operation> all = new EnumMap<>(DeckOperation.class);
        for (OperationGroup group : groups) {
            group.operations().forEach((operation, implementation) -> {
                if (all.putIfAbsent(operation, implementation) != null) {
                    throw new IllegalStateException(operation + " is registered by two operation groups");
                }
            });
        }
        return all;
    }
}
