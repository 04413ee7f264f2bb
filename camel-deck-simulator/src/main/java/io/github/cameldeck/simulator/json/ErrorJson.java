package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.DeckError;

/** Deck's error object and the error envelope {@code {errors:[…], request_id}}. */
public final class ErrorJson {

    private ErrorJson() {
    }

    public static ObjectNode error(DeckError e) {
        ObjectNode node = Json.object();
        node.put("type", e.type());
        node.put("code", e.code());
        if (e.field() != null) {
            node.put("field", e.field());
        }
        node.put("message", e.message());
        return node;
    }

    public static ObjectNode envelope(DeckError e, String requestId) {
        ObjectNode node = Json.object();
        node.putArray("errors").add(error(e));
        node.put("request_id", requestId);
        return node;
    }
}
