package io.github.cameldeck.simulator.core;

/** An event to deliver to one webhook destination; {@code deliveryId} names its delivery record. */
public record DeliveryTicket(String deliveryId, String destinationId, EventRecord event) {
}
