package io.github.cameldeck.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.EventDestination;
import io.github.cameldeck.model.TaskRun;

/**
 * The Deck API as camel-deck uses it, knowing nothing of Camel exchanges. Every call returns a future: the first
 * attempt runs on the calling thread, retries are scheduled (no thread sleeps through a backoff).
 */
public final class DeckClient {

    private final DeckHttpTransport transport;
    private final DeckClientSettings settings;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final DeckErrorReader errorReader;

    public DeckClient(DeckHttpTransport transport, DeckClientSettings settings, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.settings = settings;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.errorReader = new DeckErrorReader(settings.apiKey());
    }

    /** {@code POST /tasks/{taskId}/run} with a body built by the caller. */
    public CompletableFuture<TaskRun> runTask(String taskId, ObjectNode body, String idempotencyKey) {
        DeckRequest request = DeckRequest.post("/tasks/" + DeckHttpTransport.encode(taskId) + "/run", write(body),
                idempotencyKey);
        return call(request, response -> read(request, response, TaskRun.class));
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
        List<java.util.Map.Entry<String, String>> query = new ArrayList<>();
        if (include != null && !include.isBlank()) {
            query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("include", include));
        }
        DeckRequest request = DeckRequest.get("/task-runs/" + DeckHttpTransport.encode(runId), query);
        return call(request, response -> read(request, response, TaskRun.class));
    }

    /** {@code POST /task-runs/{runId}/cancel}. */
    public CompletableFuture<TaskRun> cancelTaskRun(String runId, String idempotencyKey) {
        DeckRequest request = DeckRequest.post("/task-runs/" + DeckHttpTransport.encode(runId) + "/cancel", null,
                idempotencyKey);
        return call(request, response -> read(request, response, TaskRun.class));
    }

    /** One page of {@code GET /task-runs}; {@code cursor} null for the first. */
    public CompletableFuture<TaskRunPage> listTaskRuns(TaskRunQuery query, String cursor) {
        DeckRequest request = DeckRequest.get("/task-runs", query.toParams(cursor));
        return call(request, response -> readPage(request, response));
    }

    /**
     * One page of {@code GET /events}: the given types, created after {@code createdAfter} (may be null); {@code cursor}
     * null for the first page.
     */
    public CompletableFuture<EventPage> listEvents(List<String> types, java.time.Instant createdAfter, int limit,
            String cursor) {
        List<java.util.Map.Entry<String, String>> query = new ArrayList<>();
        types.forEach(t -> query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("type", t)));
        if (createdAfter != null) {
            query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("created_after", createdAfter.toString()));
        }
        query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("limit", Integer.toString(limit)));
        if (cursor != null) {
            query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("cursor", cursor));
        }
        DeckRequest request = DeckRequest.get("/events", query);
        return call(request, response -> {
            ListBody<DeckEvent> body = readList(request, response, DeckEvent.class);
            return new EventPage(body.items(), body.hasMore(), body.nextCursor(), body.requestId(),
                    response.serverTime());
        });
    }

    /** {@code GET /events/{eventId}}. */
    public CompletableFuture<DeckEvent> getEvent(String eventId) {
        DeckRequest request = DeckRequest.get("/events/" + DeckHttpTransport.encode(eventId), List.of());
        return call(request, response -> read(request, response, DeckEvent.class));
    }

    /** {@code POST /event-destinations}. */
    public CompletableFuture<EventDestination> createEventDestination(ObjectNode body, String idempotencyKey) {
        DeckRequest request = DeckRequest.post("/event-destinations", write(body), idempotencyKey);
        return call(request, response -> read(request, response, EventDestination.class));
    }

    /** One page of {@code GET /event-destinations}; {@code cursor} null for the first. */
    public CompletableFuture<EventDestinationPage> listEventDestinations(String cursor) {
        List<java.util.Map.Entry<String, String>> query = new ArrayList<>();
        query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("limit", "100"));
        if (cursor != null) {
            query.add(new java.util.AbstractMap.SimpleImmutableEntry<>("cursor", cursor));
        }
        DeckRequest request = DeckRequest.get("/event-destinations", query);
        return call(request, response -> {
            ListBody<EventDestination> body = readList(request, response, EventDestination.class);
            return new EventDestinationPage(body.items(), body.hasMore(), body.nextCursor());
        });
    }

    /** {@code PATCH /event-destinations/{id}} with the fields to change. */
    public CompletableFuture<EventDestination> updateEventDestination(String destinationId, ObjectNode changes) {
        DeckRequest request = DeckRequest.patch("/event-destinations/" + DeckHttpTransport.encode(destinationId),
                write(changes));
        return call(request, response -> read(request, response, EventDestination.class));
    }

    /** {@code DELETE /event-destinations/{id}}. */
    public CompletableFuture<Void> deleteEventDestination(String destinationId) {
        DeckRequest request = DeckRequest.delete("/event-destinations/" + DeckHttpTransport.encode(destinationId));
        return call(request, response -> null);
    }

    /**
     * Sends a request and reads its answer, retrying 429, 5xx, network errors and successful answers whose body cannot
     * be read (a truncated or empty body is lost in transit as surely as a dropped connection; POSTs are safe to send
     * again with their Idempotency-Key).
     */
    public <T> CompletableFuture<T> call(DeckRequest request, Function<DeckResponse, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(request, reader, 0, result);
        return result;
    }

    private <T> void attempt(DeckRequest request, Function<DeckResponse, T> reader, int retriesSoFar,
            CompletableFuture<T> result) {
        DeckResponse response;
        try {
            response = transport.send(request, settings);
        } catch (IOException e) {
            retryOrFail(request, reader, retriesSoFar, -1, result,
                    () -> errorReader.fromNetworkError(request, e, retriesSoFar));
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        if (response.isSuccess()) {
            T value;
            try {
                value = reader.apply(response);
            } catch (UnreadableAnswerException e) {
                retryOrFail(request, reader, retriesSoFar, -1, result, () -> e.withRetries(retriesSoFar));
                return;
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(value);
        } else if (RetryPolicy.isRetryableStatus(response.status())) {
            retryOrFail(request, reader, retriesSoFar, response.retryAfterMs(), result,
                    () -> errorReader.fromResponse(request, response, retriesSoFar));
        } else {
            result.completeExceptionally(errorReader.fromResponse(request, response, retriesSoFar));
        }
    }

    private <T> void retryOrFail(DeckRequest request, Function<DeckResponse, T> reader, int retriesSoFar,
            long retryAfterMs, CompletableFuture<T> result, Supplier<DeckApiException> failure) {
        if (!retryPolicy.canRetry(retriesSoFar)) {
            result.completeExceptionally(failure.get());
            return;
        }
        long delay = retryPolicy.delayMs(retriesSoFar, retryAfterMs);
        try {
            scheduler.schedule(() -> attempt(request, reader, retriesSoFar + 1, result), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: report the failure we have instead of retrying
            result.completeExceptionally(failure.get());
        }
    }

    private <T> T read(DeckRequest request, DeckResponse response, Class<T> type) {
        try {
            T value = DeckJson.mapper().readValue(response.body(), type);
            if (value == null) {
                throw new UnreadableAnswerException(errorReader, request, response, null);
            }
            return value;
        } catch (IOException e) {
            throw new UnreadableAnswerException(errorReader, request, response, e);
        }
    }

    private TaskRunPage readPage(DeckRequest request, DeckResponse response) {
        ListBody<TaskRun> body = readList(request, response, TaskRun.class);
        return new TaskRunPage(body.items(), body.hasMore(), body.nextCursor(), body.requestId());
    }

    private record ListBody<T>(List<T> items, boolean hasMore, String nextCursor, String requestId) {
    }

    private <T> ListBody<T> readList(DeckRequest request, DeckResponse response, Class<T> type) {
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
        boolean more = hasMore != null ? hasMore : nextCursor != null;
        return new ListBody<>(items, more && nextCursor != null, nextCursor, requestId);
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

    public DeckClientSettings settings() {
        return settings;
    }
}
