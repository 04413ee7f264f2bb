package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event destination as stored in the simulator. {@code status} is {@code active} or {@code inactive};
 * {@code config} holds the non-secret settings of its type (for {@code webhook}: {@code url}). The signing secret and
 * custom headers are kept elsewhere and never exposed here.
 */
public record EventDestinationInfo(String id, String name, String status, String type, List<String> events,
        Map<String, String> config, Instant createdAt, Instant updatedAt) {

    public EventDestinationInfo {
        events = List.copyOf(events);
        config = Map.copyOf(config);
    }

    /** The webhook URL, or null for other types. */
    public String url() {
        return config.get("url");
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean isWebhook() {
        return "webhook".equals(type);
    }

    public EventDestinationInfo with(String newName, String newStatus, List<String> newEvents, Instant at) {
        return new EventDestinationInfo(id, newName, newStatus, type, newEvents, config, createdAt, at);
    }
}
