package io.github.cameldeck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run in {@code interaction_required} asks for: {@code type} is an open set (mfa, security_question,
 * account_selection, ...), so build the answer from {@code fields}.
 */
public class Interaction extends DeckObject {

    private String type;
    private String message;
    private List<InteractionField> fields = new ArrayList<>();

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<InteractionField> getFields() {
        return fields;
    }

    public void setFields(List<InteractionField> fields) {
        this.fields = fields != null ? fields : new ArrayList<>();
    }

    @Override
    public String toString() {
        return "Interaction[type=" + type + ", fields=" + fields + "]";
    }
}
