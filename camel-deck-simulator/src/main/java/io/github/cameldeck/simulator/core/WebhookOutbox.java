package io.github.cameldeck.simulator.core;

/** Takes events to deliver to webhook destinations. Called under the simulator's lock: must not block. */
public interface WebhookOutbox {

    /** Queues the delivery; false if it will never be attempted (then no delivery is recorded). */
    boolean submit(DeliveryTicket ticket);
}
