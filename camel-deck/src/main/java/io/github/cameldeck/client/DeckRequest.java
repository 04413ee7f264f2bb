package io.github.cameldeck.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One call to the Deck API, before it is sent: method, path below the base URL, query parameters (repeated keys
 * allowed), JSON body and, for writes, the Idempotency-Key that makes a retry safe.
 */
public final class DeckRequest {

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final byte[] body;
    private final String idempotencyKey;
    private final RequestBudget.Priority priority;

    private DeckRequest(String method, String path, List<Map.Entry<String, String>> query, byte[] body,
            String idempotencyKey, RequestBudget.Priority priority) {
        this.method = method;
        this.path = path;
        this.query = Collections.unmodifiableList(query);
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.priority = priority;
    }

    private DeckRequest(String method, String path, List<Map.Entry<String, String>> query, byte[] body,
            String idempotencyKey) {
        this(method, path, query, body, idempotencyKey, RequestBudget.Priority.FIRST);
    }

    /** The same request, served after every waiting {@link RequestBudget.Priority#FIRST} one (starting runs). */
    public DeckRequest servedLater() {
        return new DeckRequest(method, path, query, body, idempotencyKey, RequestBudget.Priority.LATER);
    }

    public RequestBudget.Priority priority() {
        return priority;
    }

    public static DeckRequest get(String path, List<Map.Entry<String, String>> query) {
        return new DeckRequest("GET", path, new ArrayList<>(query), null, null);
    }

    public static DeckRequest post(String path, byte[] body, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            throw new IllegalArgumentException("A POST to Deck needs an Idempotency-Key so that retrying it is safe");
        }
        return new DeckRequest("POST", path, List.of(), body, idempotencyKey);
    }

    /** A PATCH: it sets fields to values, so sending it twice is harmless. */
    public static DeckRequest patch(String path, byte[] body) {
        return new DeckRequest("PATCH", path, List.of(), body, null);
    }

    /**
     * Any call: a write (POST, PUT, PATCH, DELETE) carries its Idempotency-Key, which Deck accepts on every write and
     * which makes a retry safe; a POST without one is refused.
     */
    public static DeckRequest of(String method, String path, List<Map.Entry<String, String>> query, byte[] body,
            String idempotencyKey) {
        if ("POST".equals(method) && (idempotencyKey == null || idempotencyKey.isEmpty())) {
            throw new IllegalArgumentException("A POST to Deck needs an Idempotency-Key so that retrying it is safe");
        }
        return new DeckRequest(method, path, new ArrayList<>(query), body, idempotencyKey);
    }

    public static DeckRequest delete(String path) {
        return new DeckRequest("DELETE", path, List.of(), null, null);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public byte[] body() {
        return body;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** What error messages call this request: {@code POST /tasks/task_1/run}. */
    public String describe() {
        return method + " " + path;
    }
}
