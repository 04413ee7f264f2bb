package io.github.cameldeck.simulator.core;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The small part of JSON Schema the simulator checks on run input: the top-level {@code required} list and the
 * {@code type} of top-level {@code properties}. Anything else in the schema is ignored.
 */
final class InputSchemaCheck {

    private InputSchemaCheck() {
    }

    static void validate(JsonNode schema, JsonNode input) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                JsonNode value = input == null ? null : input.get(name.asText());
                if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                    throw ApiException.inputMissing("input." + name.asText());
                }
            }
        }
        JsonNode properties = schema.get("properties");
        if (input == null || properties == null || !properties.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = input.get(property.getKey());
            JsonNode type = property.getValue().get("type");
            if (value == null || value.isNull() || type == null) {
                continue;
            }
            boolean ok = false;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    ok |= matches(t.asText(), value);
                }
            } else {
                ok = matches(type.asText(), value);
            }
            if (!ok) {
                throw ApiException.inputInvalid("input." + property.getKey(),
                        "`input." + property.getKey() + "` must be of type " + type + ".");
            }
        }
    }

    private static boolean matches(String type, JsonNode value) {
        switch (type) {
            case "string" :
                return value.isTextual();
            case "number" :
                return value.isNumber();
            case "integer" :
                return value.isIntegralNumber();
            case "boolean" :
                return value.isBoolean();
            case "object" :
                return value.isObject();
            case "array" :
                return value.isArray();
            case "null" :
                return value.isNull();
            default :
                return true;
        }
    }
}
