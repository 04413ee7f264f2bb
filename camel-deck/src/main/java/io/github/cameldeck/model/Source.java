package io.github.cameldeck.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A website agents log into.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Source extends DeckResource {

    private String name;
    private String type;
    private Map<String, Object> website;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code website}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code {"url": ...}}. */
    public Map<String, Object> getWebsite() {
        return website;
    }

    public void setWebsite(Map<String, Object> website) {
        this.website = website;
    }

    /** The website's URL, or null. */
    @JsonIgnore
    public String getWebsiteUrl() {
        Object url = website != null ? website.get("url") : null;
        return url != null ? url.toString() : null;
    }

    @Override
    public String toString() {
        return "Source[" + getId() + ", " + name + ", " + getWebsiteUrl() + "]";
    }
}
