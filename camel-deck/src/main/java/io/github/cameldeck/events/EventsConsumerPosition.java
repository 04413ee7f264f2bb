package io.github.cameldeck.events;

import java.time.Instant;

/**
 * Where an events consumer stands, read without stopping it (for the dev console).
 *
 * @param catchUpDone   whether a read of Deck's event log has ended without failure since the consumer started
 * @param watermark     the time the next catch-up reads Deck's event log from
 * @param backlog       events accepted and waiting for a routing thread
 * @param routing        events being routed
 * @param retriesPending events whose exchange failed, offered again by the next catch-up (they, and those being
 *                       routed, hold the watermark back)
 * @param lastCatchUp   when the last read of the event log ended without failure; null before the first
 * @param lastFailure   the message of the last read's failure; null when it succeeded
 */
public record EventsConsumerPosition(boolean catchUpDone, Instant watermark, int backlog, int routing,
        int retriesPending,
        Instant lastCatchUp, String lastFailure) {
}
