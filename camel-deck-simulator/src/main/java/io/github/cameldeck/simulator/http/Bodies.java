package io.github.cameldeck.simulator.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.Change;

/** Reading request body fields with Deck's validation errors ({@code input_missing}, {@code input_invalid}). */
final class Bodies {

    private Bodies() {
    }

    /** A required non-empty string at a dotted path (e.g. {@code website.url}). */
    static String requiredText(JsonNode body, String path) {
        String value = optionalText(body, path);
        if (value == null || value.isBlank()) {
            throw ApiException.inputMissing(path);
        }
        return value;
    }

    /** An optional string at a dotted path; null when absent or null; 400 when not a string. */
    static String optionalText(JsonNode body, String path) {
        JsonNode node = at(body, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.inputInvalid(path, "`" + path + "` must be a string.");
        }
        return node.asText();
    }

    static Integer optionalInt(JsonNode body, String path) {
        JsonNode node = at(body, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.inputInvalid(path, "`" + path + "` must be an integer.");
        }
        return node.asInt();
    }

    static boolean optionalBoolean(JsonNode body, String path, boolean fallback) {
        JsonNode node = at(body, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw ApiException.inputInvalid(path, "`" + path + "` must be a boolean.");
        }
        return node.asBoolean();
    }

    /** An optional JSON object (or null). */
    static JsonNode optionalObject(JsonNode body, String path) {
        JsonNode node = at(body, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.inputInvalid(path, "`" + path + "` must be an object.");
        }
        return node;
    }

    /** An optional array of strings; null when absent or null. */
    static List<String> optionalTextList(JsonNode body, String path) {
        JsonNode node = at(body, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    break;
                }
                list.add(item.asText());
            }
        }
        if (!node.isArray() || list.size() != node.size()) {
            throw ApiException.inputInvalid(path, "`" + path + "` must be an array of strings.");
        }
        return list;
    }

    /** An optional object of string values. */
    static Map<String, String> optionalStringMap(JsonNode body, String path) {
        JsonNode node = optionalObject(body, path);
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw ApiException.inputInvalid(path + "." + e.getKey(),
                            "`" + path + "." + e.getKey() + "` must be a string.");
                }
                map.put(e.getKey(), e.getValue().asText());
            }
        }
        return map;
    }

    /** A string field of a partial update: absent, null (clear it) or a string; 400 when of another type. */
    static Change<String> textChange(JsonNode body, String path) {
        return isAbsent(body, path) ? Change.absent() : Change.to(optionalText(body, path));
    }

    /** An object field of a partial update (a copy): absent, null or an object; 400 when of another type. */
    static Change<JsonNode> objectChange(JsonNode body, String path) {
        if (isAbsent(body, path)) {
            return Change.absent();
        }
        JsonNode node = optionalObject(body, path);
        return Change.to(node == null ? null : node.deepCopy());
    }

    /** A boolean field of a partial update: absent, null or a boolean; 400 when of another type. */
    static Change<Boolean> booleanChange(JsonNode body, String path) {
        JsonNode node = at(body, path);
        if (node == null || node.isMissingNode()) {
            return Change.absent();
        }
        return Change.to(node.isNull() ? null : optionalBoolean(body, path, false));
    }

    /** An integer field of a partial update: absent, null or an integer; 400 when of another type. */
    static Change<Integer> intChange(JsonNode body, String path) {
        return isAbsent(body, path) ? Change.absent() : Change.to(optionalInt(body, path));
    }

    private static boolean isAbsent(JsonNode body, String path) {
        JsonNode node = at(body, path);
        return node == null || node.isMissingNode();
    }

    private static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
