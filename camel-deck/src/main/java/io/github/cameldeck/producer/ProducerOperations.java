package io.github.cameldeck.producer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;

/**
 * Every producer operation of an endpoint, by operation, from the groups of each Deck resource; the options of the
 * endpoint's own operation are checked here, when its producer is created.
 */
public final class ProducerOperations {

    private ProducerOperations() {
    }

    public static Map<DeckOperation, OperationGroup.Operation> of(DeckEndpoint endpoint) {
        List<OperationGroup> groups = List.of(new RunOperations(endpoint), new StorageOperations(endpoint),
                new ScreenshotOperations(endpoint), new CredentialOperations(endpoint), new SourceOperations(endpoint),
                new AgentOperations(endpoint), new TaskOperations(endpoint), new SessionOperations(endpoint),
                new EventOperations(endpoint), new DestinationOperations(endpoint), new ApiOperations(endpoint));
        Map<DeckOperation, OperationGroup.Operation> all = new EnumMap<>(DeckOperation.class);
        for (OperationGroup group : groups) {
            group.checkOptions(endpoint.getOperation());
            group.operations().forEach((operation, implementation) -> {
                if (all.putIfAbsent(operation, implementation) != null) {
                    throw new IllegalStateException(operation + " is registered by two operation groups");
                }
            });
        }
        return all;
    }
}
