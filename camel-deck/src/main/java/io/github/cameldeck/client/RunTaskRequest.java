package io.github.cameldeck.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /tasks/{task_id}/run}: what to log in with, where, in which session, and the task input. Every
 * field may be null (left out).
 */
public record RunTaskRequest(String credentialId, String sourceId, String sessionId, ObjectNode input) {

    ObjectNode toJson() {
        ObjectNode body = DeckJson.mapper().createObjectNode();
        putIfSet(body, "credential_id", credentialId);
        putIfSet(body, "source_id", sourceId);
        putIfSet(body, "session_id", sessionId);
        if (input != null) {
            body.set("input", input);
        }
        return body;
    }

    private static void putIfSet(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
