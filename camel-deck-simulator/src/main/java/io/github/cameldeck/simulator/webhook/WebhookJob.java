package io.github.cameldeck.simulator.webhook;

import java.util.concurrent.Future;

import io.github.cameldeck.simulator.core.DeliveryTicket;
import io.github.cameldeck.simulator.json.EventJson;
import io.github.cameldeck.simulator.json.Json;

/**
 * One event on its way to one webhook destination: its attempts so far and the faults decided for it. A copy (the
 * duplicate fault) makes a single attempt and is not recorded.
 */
final class WebhookJob {

    final DeliveryTicket ticket;
    final boolean copy;
    final boolean duplicate;
    private final boolean[] corruptAttempts;
    private byte[] body;
    int attempts;
    volatile boolean cancelled;
    volatile Future<?> scheduled;

    WebhookJob(DeliveryTicket ticket, boolean copy, boolean duplicate, boolean[] corruptAttempts, byte[] body) {
        this.ticket = ticket;
        this.copy = copy;
        this.duplicate = duplicate;
        this.corruptAttempts = corruptAttempts;
        this.body = body;
    }

    /** The event as {@code GET /events/{id}} shows it minus request_id, rendered once: every attempt sends it. */
    synchronized byte[] body() {
        if (body == null) {
            body = Json.bytes(EventJson.event(ticket.event(), null));
        }
        return body;
    }

    boolean corrupts(int attempt) {
        return attempt < corruptAttempts.length && corruptAttempts[attempt];
    }

    /** The identical extra copy sent after a successful delivery. */
    WebhookJob copyOf() {
        return new WebhookJob(ticket, true, false, new boolean[0], body());
    }
}
