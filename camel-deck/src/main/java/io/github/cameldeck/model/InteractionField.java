package io.github.cameldeck.model;

/**
 * One input an interaction asks for; its {@code name} is the key of the submitted value.
 */
public class InteractionField extends DeckObject {

    private String name;
    private String type;
    private String label;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return name;
    }
}
