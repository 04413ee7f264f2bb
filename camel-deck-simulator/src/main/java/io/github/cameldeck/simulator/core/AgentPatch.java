package io.github.cameldeck.simulator.core;

/** The fields a {@code PATCH /agents/{id}} may change ({@code description} null clears it). */
public record AgentPatch(Change<String> name, Change<String> description) {
}
