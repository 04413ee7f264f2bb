package io.github.cameldeck.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.DeckError;

/**
 * Turns a failed call into a {@link DeckApiException} whose message tells what happened: Deck's error envelope when
 * there is one, a ProblemDetails-style body, or the start of whatever else came back (a proxy's HTML page, say). The
 * API key is removed from every message.
 */
final class DeckErrorReader {

    private static final int SNIPPET_LENGTH = 200;

    private final String apiKey;

    DeckErrorReader(String apiKey) {
        this.apiKey = apiKey;
    }

    DeckApiException fromResponse(DeckRequest request, DeckResponse response, int retries) {
        JsonNode json = tryParse(response.body());
        List<DeckError> errors = json != null ? readErrors(json) : List.of();
        String requestId = json != null && json.hasNonNull("request_id") ? json.get("request_id").asText() : null;
        StringBuilder message = new StringBuilder()
                .append("Deck answered HTTP ").append(response.status()).append(" to ").append(request.describe());
        if (!errors.isEmpty()) {
            message.append(": ");
            for (int i = 0; i < errors.size(); i++) {
                message.append(i > 0 ? "; " : "").append(errors.get(i));
            }
        } else {
            message.append(describeOtherBody(response, json));
        }
        appendRetriesAndRequestId(message, retries, requestId);
        return new DeckApiException(redact(message.toString()), response.status(), errors, requestId, null);
    }

    DeckApiException unreadableSuccess(DeckRequest request, DeckResponse response, Exception cause, int retries) {
        StringBuilder message = new StringBuilder("Deck answered HTTP ").append(response.status()).append(" to ")
                .append(request.describe()).append(" with a body that is not the expected JSON")
                .append(describeOtherBody(response, null));
        if (cause != null && cause.getMessage() != null) {
            message.append(" (").append(firstLine(cause.getMessage())).append(')');
        }
        appendRetriesAndRequestId(message, retries, null);
        return new DeckApiException(redact(message.toString()), response.status(), List.of(), null, cause);
    }

    DeckApiException fromNetworkError(DeckRequest request, IOException cause, int retries) {
        StringBuilder message = new StringBuilder("Deck could not be reached for ").append(request.describe())
                .append(": ").append(cause.getClass().getSimpleName());
        if (cause.getMessage() != null) {
            message.append(": ").append(firstLine(cause.getMessage()));
        }
        appendRetriesAndRequestId(message, retries, null);
        return new DeckApiException(redact(message.toString()), 0, List.of(), null, cause);
    }

    /** A call that waited for Deck's request budget longer than it may (rateLimitTimeout). */
    DeckApiException budgetExhausted(DeckRequest request, String detail, DeckApiException lastAnswer, Throwable cause) {
        String message = redact("No budget to send " + request.describe() + ": " + detail);
        return new DeckApiException(message, 429, lastAnswer != null ? lastAnswer.getErrors() : List.of(),
                lastAnswer != null ? lastAnswer.getRequestId() : null, cause);
    }

    /** A limit Deck kept answering (session_limit_exceeded) for longer than the call may wait for it. */
    DeckApiException limitOutlasted(DeckApiException lastAnswer, String detail) {
        return new DeckApiException(lastAnswer.getMessage() + " (" + detail + ")", lastAnswer.getHttpResponseCode(),
                lastAnswer.getErrors(), lastAnswer.getRequestId(), null);
    }

    private static void appendRetriesAndRequestId(StringBuilder message, int retries, String requestId) {
        if (retries > 0) {
            message.append(" (gave up after ").append(retries).append(retries == 1 ? " retry)" : " retries)");
        }
        if (requestId != null) {
            message.append(" [request_id ").append(requestId).append(']');
        }
    }

    private static JsonNode tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return DeckJson.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<DeckError> readErrors(JsonNode json) {
        JsonNode array = json.get("errors");
        List<DeckError> errors = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode e : array) {
                if (e.isObject()) {
                    errors.add(new DeckError(text(e, "type"), text(e, "code"), text(e, "message"), text(e, "field")));
                }
            }
        }
        return errors;
    }

    /** A body that is not Deck's envelope: ProblemDetails ({@code title}, {@code errors} map) or raw text. */
    private static String describeOtherBody(DeckResponse response, JsonNode json) {
        if (json != null && json.isObject() && (json.has("title") || json.has("detail"))) {
            StringBuilder sb = new StringBuilder(": ");
            sb.append(json.hasNonNull("title") ? json.get("title").asText() : "");
            if (json.hasNonNull("detail")) {
                sb.append(sb.length() > 2 ? " - " : "").append(json.get("detail").asText());
            }
            JsonNode fields = json.get("errors");
            if (fields != null && fields.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    sb.append("; ").append(field.getKey()).append(": ").append(field.getValue().toString());
                }
            }
            return sb.toString();
        }
        if (response.body().length == 0) {
            return " and an empty body";
        }
        String type = response.contentType() != null ? response.contentType() : "no content type";
        return " (" + type + "): " + snippet(response.body());
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8)
                .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() ? value.asText() : null;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl >= 0 ? text.substring(0, nl) : text;
    }

    String redact(String message) {
        if (apiKey == null || apiKey.isEmpty() || message == null) {
            return message;
        }
        return message.replace(apiKey, "xxxxxx");
    }
}
