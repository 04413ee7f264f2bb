package io.github.cameldeck.client;

import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds the query string parameters of a Deck call. Array filters are sent as repeated keys ({@code status=a&status=b}),
 * the encoding the API's OpenAPI description implies; unset values are left out.
 */
public final class QueryParams {

    private final List<Map.Entry<String, String>> params = new ArrayList<>();

    public static QueryParams create() {
        return new QueryParams();
    }

    /** Adds the parameter unless the value is null or empty. */
    public QueryParams add(String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(new SimpleImmutableEntry<>(name, value));
        }
        return this;
    }

    public QueryParams add(String name, Instant value) {
        return add(name, value != null ? value.toString() : null);
    }

    public QueryParams add(String name, int value) {
        return add(name, Integer.toString(value));
    }

    /** Adds the parameter once per value. */
    public QueryParams addEach(String name, Collection<String> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    public List<Map.Entry<String, String>> build() {
        return List.copyOf(params);
    }
}
