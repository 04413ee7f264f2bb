package io.github.cameldeck.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckJson;

/**
 * Reads a message body as the JSON object Deck expects (task input, interaction values): a Map, a Jackson JsonNode, a
 * JSON String, byte[] or InputStream, or any object Jackson can write. Anything else is refused with a message that
 * names the operation and what was wrong, before a call is made.
 */
final class DeckBodies {

    private DeckBodies() {
    }

    /**
     * @param  body                     the message body; null gives null
     * @param  operation                named in error messages
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    static ObjectNode toJsonObject(Object body, DeckOperation operation) {
        return toJsonObject(body, operation, false);
    }

    /**
     * @param secret whether the body may hold secrets (a credential's password, a destination's signing secret): then
     *               an error message shows no part of it, not even the text Jackson quotes around a syntax error
     */
    static ObjectNode toJsonObject(Object body, DeckOperation operation, boolean secret) {
        if (body == null) {
            return null;
        }
        JsonNode node;
        try {
            if (body instanceof JsonNode json) {
                node = json;
            } else if (body instanceof String text) {
                node = parse(text, operation, secret);
            } else if (body instanceof byte[] bytes) {
                node = parse(new String(bytes, StandardCharsets.UTF_8), operation, secret);
            } else if (body instanceof InputStream in) {
                node = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), operation, secret);
            } else if (body instanceof Map<?, ?> || isPlainObject(body)) {
                node = write(body, operation, secret);
            } else {
                throw new IllegalArgumentException(
                        operation + " needs a JSON object as its body (a Map, JsonNode, JSON String "
                                + "or POJO), but the body is a " + body.getClass().getName());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(operation + ": the body could not be read: " + e.getMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(operation + " needs a JSON object as its body, but got a JSON "
                    + node.getNodeType().name().toLowerCase() + (secret ? "" : ": " + abbreviate(node.toString())));
        }
        return (ObjectNode) node;
    }

    private static JsonNode write(Object body, DeckOperation operation, boolean secret) {
        try {
            return DeckJson.mapper().valueToTree(body);
        } catch (IllegalArgumentException e) {
            String reason = secret
                    ? "see the cause"
                    : e.getCause() instanceof JsonProcessingException jpe
                            ? jpe.getOriginalMessage()
                            : e.getMessage();
            throw new IllegalArgumentException(operation + ": the body (" + body.getClass().getName()
                    + ") cannot be written as JSON: " + reason,
                    e);
        }
    }

    private static JsonNode parse(String text, DeckOperation operation, boolean secret) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return DeckJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            if (secret) {
                // Jackson's message quotes the text around the error, which may be a password: only say where it is
                JsonLocation at = e.getLocation();
                throw new IllegalArgumentException(operation + ": the body is not valid JSON (at line "
                        + (at != null ? at.getLineNr() + ", column " + at.getColumnNr() : "?")
                        + "; the body is not shown because it may hold a secret)");
            }
            throw new IllegalArgumentException(
                    operation + ": the body is not valid JSON (" + e.getOriginalMessage() + "): "
                            + abbreviate(text),
                    e);
        }
    }

    private static boolean isPlainObject(Object body) {
        return !(body instanceof Number || body instanceof Boolean || body instanceof Character
                || body instanceof Iterable<?> || body.getClass().isArray() || body.getClass().isEnum());
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
