package io.github.cameldeck.simulator;

import java.time.Instant;

/**
 * One delivery of an event to a destination ({@code edlv_} id, not shown on the wire). {@code status} is
 * {@code success} or {@code failure} ({@code pending} while attempts are still going on; such deliveries are not
 * listed); {@code attempts} counts the POSTs made; {@code deliveredAt} is the time of the successful attempt, null
 * for a failure.
 */
public record EventDeliveryInfo(String id, String eventId, String eventType, String destinationId, String status,
        int attempts, Instant createdAt, Instant deliveredAt) {

    public boolean isFinished() {
        return !"pending".equals(status);
    }

    public EventDeliveryInfo finished(boolean success, int attemptCount, Instant at) {
        return new EventDeliveryInfo(id, eventId, eventType, destinationId, success ? "success" : "failure",
                attemptCount, createdAt, success ? at : null);
    }
}
