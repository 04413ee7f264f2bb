package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.core.EventRecord;
import io.github.cameldeck.simulator.util.Timestamps;

/** Events: {@code {id, object, type, data, created_at}} plus request_id on single-event responses. */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectNode event(EventRecord event, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", event.id());
        node.put("object", "event");
        node.put("type", event.type());
        node.set("data", event.data().toJson());
        node.put("created_at", Timestamps.format(event.createdAt()));
        if (requestId != null) {
            node.put("request_id", requestId);
        }
        return node;
    }
}
