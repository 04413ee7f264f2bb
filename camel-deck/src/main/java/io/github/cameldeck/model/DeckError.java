package io.github.cameldeck.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as Deck reports it, in an error response or in a failed run's {@code errors}: branch on type and code, the
 * message is for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeckError extends DeckObject {

    private String type;
    private String code;
    private String message;
    private String field;

    public DeckError() {
    }

    public DeckError(String type, String code, String message, String field) {
        this.type = type;
        this.code = code;
        this.message = message;
        this.field = field;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    @Override
    public String toString() {
        return type + "/" + code + (field != null ? " (field " + field + ")" : "") + ": " + message;
    }
}
