package io.github.cameldeck.client;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.model.ConnectionCheck;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.EventDestination;
import io.github.cameldeck.model.Screenshot;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;

/**
 * The Deck API as camel-deck uses it, knowing nothing of Camel exchanges. Every call returns a future. Which thread does
 * what: the first attempt is sent on the calling thread, which waits for Deck's answer (one HTTP round trip, at most
 * requestTimeout); a retry is scheduled on the scheduler and sent on one of its threads, and the future completes on the
 * thread of the attempt that settled it. No thread sleeps through a backoff.
 */
public final class DeckClient {

    private final Context context;
    private final DeckErrorReader errorReader;
    private final FileDownloader files;

    /**
     * @param budget the request budget of the organization the key belongs to, shared with every other client of it
     */
    public DeckClient(DeckHttpTransport transport, DeckClientSettings settings, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler, RequestBudget budget) {
        this(transport, settings, retryPolicy, scheduler, budget, DeckClientObserver.NONE);
    }

    /**
     * @param budget   the request budget of the organization the key belongs to, shared with every other client of it
     * @param observer told of every request, run and download of this client
     */
    public DeckClient(DeckHttpTransport transport, DeckClientSettings settings, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler, RequestBudget budget, DeckClientObserver observer) {
        this.errorReader = new DeckErrorReader(settings.apiKey());
        this.context = new Context(transport, settings, retryPolicy, scheduler, errorReader, budget, observer);
        this.files = new FileDownloader(transport, settings, retryPolicy, scheduler, observer);
    }

    /** {@code POST /tasks/{taskId}/run}; served by the request budget after every answer, read and poll waiting. */
    public CompletableFuture<TaskRun> runTask(String taskId, RunTaskRequest body, String idempotencyKey) {
        DeckRequest request = DeckRequest.post("/tasks/" + DeckHttpTransport.encode(taskId) + "/run",
                write(body.toJson()), idempotencyKey).servedLater();
        return call(request, response -> {
            TaskRun run = read(request, response, TaskRun.class);
            context.observer().runStarted(run);
            return run;
        });
    }

    /** {@code POST /task-runs/{runId}/interaction} with {@code {"input": values}}. */
    public CompletableFuture<TaskRun> submitInteraction(String runId, JsonNode values, String idempotencyKey) {
        ObjectNode body = DeckJson.mapper().createObjectNode();
        body.set("input", values);
        DeckRequest request = DeckRequest.post("/task-runs/" + DeckHttpTransport.encode(runId) + "/interaction",
                write(body), idempotencyKey);
        return call(request, response -> read(request, response, TaskRun.class));
    }

    /** {@code GET /task-runs/{runId}}, with the optional sections named in {@code include} (may be null). */
    public CompletableFuture<TaskRun> getTaskRun(String runId, String include) {
        DeckRequest request = DeckRequest.get("/task-runs/" + DeckHttpTransport.encode(runId),
                QueryParams.create().add("include", include).build());
        return call(request, response -> read(request, response, TaskRun.class));
    }

    /** {@code POST /task-runs/{runId}/cancel}. */
    public CompletableFuture<TaskRun> cancelTaskRun(String runId, String idempotencyKey) {
        DeckRequest request = DeckRequest.post("/task-runs/" + DeckHttpTransport.encode(runId) + "/cancel", null,
                idempotencyKey);
        return call(request, response -> read(request, response, TaskRun.class));
    }

    /** One page of {@code GET /task-runs}; {@code cursor} null for the first. */
    public CompletableFuture<Page<TaskRun>> listTaskRuns(TaskRunQuery query, String cursor) {
        DeckRequest request = DeckRequest.get("/task-runs", query.toParams(cursor));
        return call(request, response -> readList(request, response, TaskRun.class));
    }

    /**
     * One page of {@code GET /events}: the given types (every type when empty), created after {@code createdAfter} (may
     * be null); {@code cursor} null for the first page. Read the log with {@link EventLogReader}.
     */
    public CompletableFuture<Page<DeckEvent>> listEvents(List<String> types, Instant createdAfter, int limit,
            String cursor) {
        DeckRequest request = DeckRequest.get("/events", QueryParams.create()
                .addEach("type", types)
                .add("created_after", createdAfter)
                .add("limit", limit)
                .add("cursor", cursor)
                .build());
        return call(request, response -> readList(request, response, DeckEvent.class));
    }

    /** {@code POST /event-destinations}: a webhook destination for {@code url}, signed with {@code secret}. */
    public CompletableFuture<EventDestination> createWebhookDestination(String name, String url, String secret,
            List<String> events, String idempotencyKey) {
        ObjectNode body = DeckJson.mapper().createObjectNode();
        body.put("name", name);
        body.put("type", "webhook");
        body.set("events", textArray(events));
        ObjectNode webhook = body.putObject("webhook");
        webhook.put("url", url);
        webhook.put("secret", secret);
        DeckRequest request = DeckRequest.post("/event-destinations", write(body), idempotencyKey);
        return call(request, response -> read(request, response, EventDestination.class));
    }

    /** One page of {@code GET /event-destinations} (100 per page); {@code cursor} null for the first. */
    public CompletableFuture<Page<EventDestination>> listEventDestinations(String cursor) {
        return fetchPage("/event-destinations", QueryParams.create().add("limit", 100).build(), cursor,
                EventDestination.class);
    }

    /**
     * {@code PATCH /event-destinations/{id}}: sets the status and the subscribed event types, each left as it is when
     * null.
     */
    public CompletableFuture<EventDestination> updateEventDestination(String destinationId, String status,
            List<String> events) {
        ObjectNode changes = DeckJson.mapper().createObjectNode();
        if (status != null) {
            changes.put("status", status);
        }
        if (events != null) {
            changes.set("events", textArray(events));
        }
        DeckRequest request = DeckRequest.patch("/event-destinations/" + DeckHttpTransport.encode(destinationId),
                write(changes));
        return call(request, response -> read(request, response, EventDestination.class));
    }

    /** {@code DELETE /event-destinations/{id}}. */
    public CompletableFuture<Void> deleteEventDestination(String destinationId) {
        DeckRequest request = DeckRequest.delete("/event-destinations/" + DeckHttpTransport.encode(destinationId));
        return call(request, response -> null);
    }

    /** {@code GET /storage/{storageId}}: the item with a fresh signed URL and its extraction. */
    public CompletableFuture<StorageItem> getStorage(String storageId) {
        return fetch("/storage/" + DeckHttpTransport.encode(storageId), List.of(), StorageItem.class);
    }

    /** One page of {@code GET /task-runs/{runId}/storage} (100 per page); {@code cursor} null for the first. */
    public CompletableFuture<Page<StorageItem>> listStorage(String runId, String cursor) {
        return fetchPage("/task-runs/" + DeckHttpTransport.encode(runId) + "/storage",
                QueryParams.create().add("limit", 100).build(), cursor, StorageItem.class);
    }

    /** One page of {@code GET /task-runs/{runId}/screenshots}, oldest first; {@code cursor} null for the first. */
    public CompletableFuture<Page<Screenshot>> listScreenshots(String runId, String cursor) {
        return fetchPage("/task-runs/" + DeckHttpTransport.encode(runId) + "/screenshots",
                QueryParams.create().add("limit", 100).build(), cursor, Screenshot.class);
    }

    /** {@code GET path}: one object, read as {@code type}. */
    public <T> CompletableFuture<T> fetch(String path, List<Map.Entry<String, String>> query, Class<T> type) {
        DeckRequest request = DeckRequest.get(path, query);
        return call(request, response -> read(request, response, type));
    }

    /** One page of the list at {@code path}; {@code cursor} null for the first. */
    public <T> CompletableFuture<Page<T>> fetchPage(String path, List<Map.Entry<String, String>> query, String cursor,
            Class<T> type) {
        List<Map.Entry<String, String>> params = new ArrayList<>(query);
        params.addAll(QueryParams.create().add("cursor", cursor).build());
        DeckRequest request = DeckRequest.get(path, params);
        return call(request, response -> readList(request, response, type));
    }

    /** A write ({@code POST}, {@code PATCH}, {@code DELETE}) with a JSON body (may be null), its answer read as {@code type}. */
    public <T> CompletableFuture<T> write(String method, String path, JsonNode body, String idempotencyKey,
            Class<T> type) {
        DeckRequest request = DeckRequest.of(method, path, List.of(), write(body), idempotencyKey);
        return call(request, response -> read(request, response, type));
    }

    /** Any call, its answer as a JSON tree ({@code NullNode} for an empty body). */
    public CompletableFuture<JsonNode> send(DeckRequest request) {
        return call(request, response -> {
            if (response.body().length == 0) {
                return NullNode.getInstance();
            }
            try {
                return DeckJson.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new UnreadableAnswerException(errorReader, request, response, e);
            }
        });
    }

    /**
     * {@code GET /test} for a health check: sent once, never retried, after at most {@code timeoutMs} waiting for a
     * permit of the request budget (then it fails as a 429 of the budget), and answered within {@code timeoutMs} (or
     * requestTimeout, when shorter).
     */
    public CompletableFuture<ConnectionCheck> testConnection(long timeoutMs) {
        DeckRequest request = DeckRequest.get("/test", List.of());
        return new DeckCall<>(request, response -> read(request, response, ConnectionCheck.class),
                context.once(timeoutMs), System::nanoTime).start();
    }

    /** Downloads from signed URLs with this client's transport, settings and retries. */
    public FileDownloader files() {
        return files;
    }

    /**
     * Sends a request and reads its answer: each attempt takes a permit of the organization's request budget first;
     * 5xx, network errors and successful answers whose body cannot be read are retried (a truncated or empty body is
     * lost in transit as surely as a dropped connection; POSTs are safe to send again with their Idempotency-Key), and
     * Deck's limits are waited out (see {@link RetryPolicy}).
     */
    public <T> CompletableFuture<T> call(DeckRequest request, Function<DeckResponse, T> reader) {
        return new DeckCall<>(request, reader, context, System::nanoTime).start();
    }

    /** What every call of this client is sent with. */
    record Context(DeckHttpTransport transport, DeckClientSettings settings, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler, DeckErrorReader errorReader, RequestBudget budget,
            DeckClientObserver observer) {

        /** The same, for one attempt that waits and takes at most {@code timeoutMs}. */
        Context once(long timeoutMs) {
            DeckClientSettings bounded = new DeckClientSettings(settings.baseUrl(), settings.apiKey(),
                    Math.min(settings.connectTimeoutMs(), timeoutMs), Math.min(settings.requestTimeoutMs(), timeoutMs));
            return new Context(transport, bounded, new RetryPolicy(0, 0, 0, timeoutMs, 0), scheduler, errorReader,
                    budget, observer);
        }
    }

    private <T> T read(DeckRequest request, DeckResponse response, Class<T> type) {
        try {
            T value = DeckJson.mapper().readValue(response.body(), type);
            if (value == null) {
                throw new UnreadableAnswerException(errorReader, request, response, null);
            }
            if (value instanceof TaskRun run) {
                context.observer().runSeen(run);
            }
            return value;
        } catch (IOException e) {
            throw new UnreadableAnswerException(errorReader, request, response, e);
        }
    }

    private <T> Page<T> readList(DeckRequest request, DeckResponse response, Class<T> type) {
        // one streaming pass: each item is read straight into its type (no intermediate tree)
        List<T> items = null;
        String nextCursor = null;
        Boolean hasMore = null;
        String requestId = null;
        ObjectReader reader = DeckJson.mapper().readerFor(type);
        try (JsonParser parser = DeckJson.mapper().createParser(response.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableAnswerException(errorReader, request, response, null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "data" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new UnreadableAnswerException(errorReader, request, response, null);
                        }
                        items = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            items.add(reader.readValue(parser));
                        }
                    }
                    case "next_cursor" -> nextCursor = value == JsonToken.VALUE_NULL
                            ? null
                            : parser.getValueAsString();
                    case "has_more" -> hasMore = value.isBoolean() ? parser.getBooleanValue() : null;
                    case "request_id" -> requestId = value == JsonToken.VALUE_NULL
                            ? null
                            : parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UnreadableAnswerException(errorReader, request, response, e);
        }
        if (items == null) {
            throw new UnreadableAnswerException(errorReader, request, response, null);
        }
        if (nextCursor != null && nextCursor.isEmpty()) {
            nextCursor = null;
        }
        for (T item : items) {
            if (item instanceof TaskRun run) {
                context.observer().runSeen(run);
            }
        }
        boolean more = hasMore != null ? hasMore : nextCursor != null;
        return new Page<>(items, more && nextCursor != null, nextCursor, requestId, response.serverTime());
    }

    private static byte[] write(JsonNode body) {
        if (body == null) {
            return null;
        }
        try {
            return DeckJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static ArrayNode textArray(List<String> values) {
        ArrayNode array = DeckJson.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
