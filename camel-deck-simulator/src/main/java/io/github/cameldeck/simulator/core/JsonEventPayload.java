package io.github.cameldeck.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An event payload stored as a JSON tree (resource events, which are few). */
record JsonEventPayload(ObjectNode node) implements EventPayload {

    @Override
    public ObjectNode toJson() {
        return node.deepCopy();
    }
}
