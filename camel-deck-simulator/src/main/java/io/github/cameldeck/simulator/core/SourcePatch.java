package io.github.cameldeck.simulator.core;

/** The fields a {@code PATCH /sources/{id}} may change ({@code name} null clears it). */
public record SourcePatch(Change<String> name, Change<String> url) {
}
