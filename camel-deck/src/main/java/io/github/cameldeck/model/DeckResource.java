package io.github.cameldeck.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A Deck object with an id: the fields every single-resource answer has ({@code id}, {@code object}, the
 * timestamps, and the {@code request_id} that single-object answers carry).
 */
public abstract class DeckResource extends DeckObject {

    private String id;
    private String object;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime createdAt;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime updatedAt;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private String requestId;

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

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** Deck's request id of the answer that carried this object; null inside lists and events. */
    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
