package io.github.cameldeck.events;

import java.io.IOException;

import io.github.cameldeck.client.DeckClientObserver;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import io.github.cameldeck.webhook.WebhookVerificationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Deck's webhook POSTs on the HTTP server: verifies the signature before anything else (401 when it does not
 * hold), reads the event, and offers it to the events consumer, which queues it for routing, and answers with what the
 * consumer decided. The answer never waits for the route: Deck wants a 2xx within 5 seconds.
 */
final class WebhookReceiver implements Processor {

    /** What became of a verified event offered to the consumer. */
    enum Offer {
        ACCEPTED, DUPLICATE, IGNORED, BUSY
    }

    /** Takes a verified event. */
    @FunctionalInterface
    interface Intake {
        Offer offer(DeckEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final StandardWebhookVerifier verifier;
    private final String path;
    private final Intake intake;
    private final DeckClientObserver observer;

    /** @param observer told of each delivery refused for its signature or timestamp */
    WebhookReceiver(StandardWebhookVerifier verifier, String path, Intake intake, DeckClientObserver observer) {
        this.verifier = verifier;
        this.path = path;
        this.intake = intake;
        this.observer = observer;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        String webhookId = message.getHeader("webhook-id", String.class);
        try {
            verifier.verify(webhookId, message.getHeader("webhook-timestamp", String.class),
                    message.getHeader("webhook-signature", String.class), body);
        } catch (WebhookVerificationException e) {
            LOG.warn("Rejected a webhook delivery on {}: {}", path, e.getMessage());
            observer.webhookRefused(e.getReason().tag());
            answer(message, 401, "Invalid webhook signature");
            return;
        }
        DeckEvent event;
        try {
            event = DeckJson.mapper().readValue(body, DeckEvent.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Rejected webhook delivery {}: its body is not a Deck event ({})", webhookId, e.getMessage());
            answer(message, 400, "Not a Deck event");
            return;
        }
        if (event == null || event.getType() == null || event.getType().isBlank()) {
            LOG.warn("Rejected webhook delivery {}: the event has no type", webhookId);
            answer(message, 400, "Not a Deck event");
            return;
        }
        if (event.getId() == null || event.getId().isBlank()) {
            // the webhook-id of Deck's deliveries is the event id
            event.setId(webhookId.trim());
        }
        switch (intake.offer(event)) {
            case ACCEPTED -> answer(message, 202, null);
            case DUPLICATE, IGNORED -> answer(message, 200, null);
            case BUSY -> {
                answer(message, 503, "Busy, retry later");
                message.setHeader("Retry-After", "5");
            }
        }
    }

    /** Replaces the request by the answer: the request's headers must not be echoed back as response headers. */
    private static void answer(Message message, int status, String text) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (text != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody(text);
        } else {
            message.setBody(null);
        }
    }
}
