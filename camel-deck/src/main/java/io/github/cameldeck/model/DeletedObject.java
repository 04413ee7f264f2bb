package io.github.cameldeck.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Deck's answer to a delete: the id, the object type and {@code deleted}. A credential is kept (with
 * status {@code deleted}) and may come back whole; it then reads as deleted too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeletedObject extends DeckObject {

    private String id;
    private String object;
    private Boolean deleted;
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

    public Boolean getDeleted() {
        return deleted;
    }

    public void setDeleted(Boolean deleted) {
        this.deleted = deleted;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    /** Whether Deck says the object is deleted: {@code deleted: true}, or an object whose status is deleted. */
    @JsonIgnore
    public boolean isDeletedObject() {
        return Boolean.TRUE.equals(deleted) || "deleted".equals(getAdditionalProperty("status"));
    }

    @Override
    public String toString() {
        return "DeletedObject[" + id + ", " + object + ", deleted " + isDeletedObject() + "]";
    }
}
