package io.github.cameldeck.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code data} of an event, rendered on demand (run events are stored compactly). */
public interface EventPayload {

    ObjectNode toJson();
}
