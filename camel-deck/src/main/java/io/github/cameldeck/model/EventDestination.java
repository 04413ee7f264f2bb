package io.github.cameldeck.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where Deck sends events: for a {@code webhook} destination, {@code webhook.url}. Deck never returns the signing secret.
 */
public class EventDestination extends DeckResource {

    private String name;
    private String status;
    private String type;
    private List<String> events = new ArrayList<>();
    private Map<String, Object> webhook = new LinkedHashMap<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code pending_verification}, {@code active} or {@code inactive}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events != null ? events : new ArrayList<>();
    }

    public Map<String, Object> getWebhook() {
        return webhook;
    }

    public void setWebhook(Map<String, Object> webhook) {
        this.webhook = webhook != null ? webhook : new LinkedHashMap<>();
    }

    /** The URL of a webhook destination; null for the other types. */
    @JsonIgnore
    public String getWebhookUrl() {
        Object url = webhook.get("url");
        return url != null ? url.toString() : null;
    }

    @Override
    public String toString() {
        return "EventDestination[" + getId() + ", " + type + ", " + status + ", " + getWebhookUrl() + "]";
    }
}
