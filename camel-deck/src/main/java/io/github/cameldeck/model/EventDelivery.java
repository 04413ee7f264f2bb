package io.github.cameldeck.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One delivery of an event to an event destination.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventDelivery extends DeckObject {

    private String id;
    private String object;
    private String status;
    private String eventType;
    private String eventId;
    private String eventDestinationId;
    private Integer attempts;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime createdAt;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime deliveredAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** {@code success} or {@code failure}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getEventDestinationId() {
        return eventDestinationId;
    }

    public void setEventDestinationId(String eventDestinationId) {
        this.eventDestinationId = eventDestinationId;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(OffsetDateTime deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    @Override
    public String toString() {
        return "EventDelivery[" + eventId + ", " + eventType + ", " + status + ", " + attempts + " attempts]";
    }
}
