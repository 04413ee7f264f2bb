package io.github.cameldeck.producer;

import java.util.Arrays;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.DeckTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a producer operation means its enum constant and its method registered in its group: this fails when one
 * was forgotten.
 */
class ProducerOperationsTest extends DeckTestSupport {

    @Test
    void everyProducerOperationHasExactlyOneImplementation() {
        DeckEndpoint endpoint = context.getEndpoint("deck:getTaskRun", DeckEndpoint.class);
        assertThat(ProducerOperations.of(endpoint).keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(DeckOperation.values()).filter(DeckOperation::isProducer).toList());
    }
}
