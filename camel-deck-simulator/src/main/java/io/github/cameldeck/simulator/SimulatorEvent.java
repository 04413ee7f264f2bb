package io.github.cameldeck.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A recorded event ({@code evt_} id) with its rendered {@code data} object. */
public record SimulatorEvent(String id, String type, Instant createdAt, JsonNode data) {
}
