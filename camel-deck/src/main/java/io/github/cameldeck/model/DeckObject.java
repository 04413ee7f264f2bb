package io.github.cameldeck.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Base of every Deck object: keeps the fields this version of camel-deck does not know, so nothing Deck sends is lost
 * and the object serializes back as it came.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public abstract class DeckObject {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /**
     * Fields Deck sent that have no typed property here (Deck adds fields without a new API version).
     */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    @JsonIgnore
    public Object getAdditionalProperty(String name) {
        return additionalProperties.get(name);
    }
}
