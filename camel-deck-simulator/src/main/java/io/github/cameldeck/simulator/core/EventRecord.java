package io.github.cameldeck.simulator.core;

import java.time.Instant;

/** One recorded event ({@code evt_} id). */
public record EventRecord(String id, String type, Instant createdAt, EventPayload data) {
}
