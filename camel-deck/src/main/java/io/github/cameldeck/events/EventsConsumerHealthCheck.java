package io.github.cameldeck.events;

import java.util.Map;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.support.ReadinessCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of an events consumer: down while its last read of Deck's event log failed (a wrong API key, Deck
 * unreachable), with the HTTP status when Deck answered; the webhooks may still arrive, but what they miss is not
 * caught up.
 */
final class EventsConsumerHealthCheck extends ReadinessCheck {

    private final DeckEventsConsumer consumer;

    EventsConsumerHealthCheck(DeckEventsConsumer consumer, String routeId) {
        super("consumer:" + routeId);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(ENDPOINT_URI, consumer.getEndpoint().getEndpointBaseUri());
        builder.detail("webhook.path", consumer.getWebhookPath());
        if (consumer.getCatchUpPosition() != null) {
            builder.detail("catchup.position", consumer.getCatchUpPosition().toString());
        }
        if (!consumer.isRunAllowed()) {
            return builder.message("The consumer is not started").down().build();
        }
        Exception failure = consumer.getLastCatchUpFailure();
        if (failure == null) {
            return builder.up().build();
        }
        if (failure instanceof DeckApiException deck) {
            builder.detail(HTTP_RESPONSE_CODE, deck.getHttpResponseCode());
        }
        return builder.message("Reading Deck's event log failed: " + failure.getMessage()).error(failure).down()
                .build();
    }
}
