package io.github.cameldeck.simulator.core;

import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.json.Json;

/** {@code webhook.custom_headers}: a JSON-encoded object of header names to values, sent with every delivery. */
final class CustomHeaders {

    static final String FIELD = "webhook.custom_headers";

    /** Headers the delivery sets itself. */
    private static final Set<String> RESERVED = Set.of("content-type", "webhook-id", "webhook-timestamp",
            "webhook-signature");

    private CustomHeaders() {
    }

    /** The headers of a JSON-encoded object (null or blank = none). */
    static Map<String, String> parse(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return headers;
        }
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw invalid("`" + FIELD + "` must be a JSON-encoded object of header names to string values.");
        }
        if (!node.isObject()) {
            throw invalid("`" + FIELD + "` must be a JSON-encoded object of header names to string values.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw invalid("Header `" + name + "` in `" + FIELD + "` must have a string value.");
            }
            String value = e.getValue().asText();
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw invalid("Header `" + name + "` is set by the delivery itself and cannot be customized.");
            }
            if (!sendable(name, value)) {
                throw invalid("Header `" + name + "` in `" + FIELD + "` is not a valid or allowed HTTP header.");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** Whether the JDK HTTP client accepts the header (valid name and value, not a restricted header). */
    private static boolean sendable(String name, String value) {
        try {
            HttpRequest.newBuilder().header(name, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.inputInvalid(FIELD, message);
    }
}
