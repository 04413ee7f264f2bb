package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.EventDeliveryInfo;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.core.DestinationTypes;
import io.github.cameldeck.simulator.util.Timestamps;

/**
 * Event destinations (config object named after the type, never a secret or custom headers) and event deliveries. A
 * null request id renders a list item.
 */
public final class EventDestinationJson {

    private EventDestinationJson() {
    }

    public static ObjectNode destination(EventDestinationInfo destination, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", destination.id());
        node.put("object", "event_destination");
        node.put("name", destination.name());
        node.put("status", destination.status());
        node.put("type", destination.type());
        ArrayNode events = node.putArray("events");
        destination.events().forEach(events::add);
        ObjectNode config = node.putObject(destination.type());
        for (String field : DestinationTypes.configFields(destination.type())) {
            config.put(field, destination.config().get(field));
        }
        node.put("created_at", Timestamps.format(destination.createdAt()));
        node.put("updated_at", Timestamps.format(destination.updatedAt()));
        if (requestId != null) {
            node.put("request_id", requestId);
        }
        return node;
    }

    public static ObjectNode delivery(EventDeliveryInfo delivery) {
        ObjectNode node = Json.object();
        node.put("object", "event_delivery");
        node.put("status", delivery.status());
        node.put("event_type", delivery.eventType());
        node.put("event_id", delivery.eventId());
        node.put("event_destination_id", delivery.destinationId());
        node.put("attempts", delivery.attempts());
        node.put("created_at", Timestamps.format(delivery.createdAt()));
        node.put("delivered_at", Timestamps.format(delivery.deliveredAt()));
        return node;
    }

    /** {@code {id, object, deleted: true, request_id}}. */
    public static ObjectNode deleted(String id, String requestId) {
        return CatalogJson.deleted(id, "event_destination", requestId);
    }
}
