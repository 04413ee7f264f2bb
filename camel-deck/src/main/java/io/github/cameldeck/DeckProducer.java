package io.github.cameldeck;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.client.TaskRunPage;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The producer of every deck operation but the consumer's. Input is checked before any call; calls, retries and
 * waitForCompletion polls complete the exchange asynchronously, so no thread waits on Deck.
 */
public class DeckProducer extends DefaultAsyncProducer {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;

    public DeckProducer(DeckEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> done;
        try {
            DeckOperation operation = determineOperation(exchange);
            done = switch (operation) {
                case runTask -> runTask(exchange);
                case submitInteraction -> submitInteraction(exchange);
                case getTaskRun -> getTaskRun(exchange);
                case cancelTaskRun -> cancelTaskRun(exchange);
                case listTaskRuns -> listTaskRuns(exchange);
                default -> throw new IllegalArgumentException(
                        "deck:" + operation + " cannot be used to send; producer operations are: " + producerNames());
            };
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (done.isDone()) {
            complete(exchange, done);
            callback.done(true);
            return true;
        }
        done.whenComplete((ignored, error) -> {
            complete(exchange, done);
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            exchange.setException(e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
    }

    DeckOperation determineOperation(Exchange exchange) {
        Object header = exchange.getIn().getHeader(DeckConstants.OPERATION);
        if (header == null) {
            return endpoint.getOperation();
        }
        if (header instanceof DeckOperation op) {
            return op;
        }
        return DeckOperation.fromName(header.toString());
    }

    private CompletableFuture<Void> runTask(Exchange exchange) {
        Message in = exchange.getIn();
        String taskId = required(in, DeckConstants.TASK_ID, configuration.getTaskId(), "taskId", DeckOperation.runTask);
        ObjectNode body = DeckJson.mapper().createObjectNode();
        putIfSet(body, "credential_id", value(in, DeckConstants.CREDENTIAL_ID, configuration.getCredentialId()));
        putIfSet(body, "source_id", value(in, DeckConstants.SOURCE_ID, configuration.getSourceId()));
        putIfSet(body, "session_id", value(in, DeckConstants.SESSION_ID, configuration.getSessionId()));
        ObjectNode input = DeckBodies.toJsonObject(in.getBody(), DeckOperation.runTask);
        if (input != null) {
            body.set("input", input);
        }
        String key = idempotencyKey(exchange, DeckOperation.runTask, taskId);
        DeckClient client = endpoint.getClient();
        return client.runTask(taskId, body, key)
                .thenCompose(this::waitIfAsked)
                .thenAccept(run -> setRun(exchange, run));
    }

    private CompletableFuture<Void> submitInteraction(Exchange exchange) {
        Message in = exchange.getIn();
        String runId = required(in, DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.submitInteraction);
        ObjectNode values = DeckBodies.toJsonObject(in.getBody(), DeckOperation.submitInteraction);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    "submitInteraction needs the values of the interaction's fields in the body, "
                            + "e.g. {\"code\": \"123456\"}, but the body is "
                            + (values == null ? "empty" : "an empty object"));
        }
        String key = idempotencyKey(exchange, DeckOperation.submitInteraction, runId);
        return endpoint.getClient().submitInteraction(runId, values, key)
                .thenCompose(this::waitIfAsked)
                .thenAccept(run -> setRun(exchange, run));
    }

    private CompletableFuture<Void> getTaskRun(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.getTaskRun);
        return endpoint.getClient().getTaskRun(runId, endpoint.getInclude())
                .thenAccept(run -> setRun(exchange, run));
    }

    private CompletableFuture<Void> cancelTaskRun(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.cancelTaskRun);
        String key = idempotencyKey(exchange, DeckOperation.cancelTaskRun, runId);
        return endpoint.getClient().cancelTaskRun(runId, key)
                .thenAccept(run -> setRun(exchange, run));
    }

    private CompletableFuture<Void> listTaskRuns(Exchange exchange) {
        TaskRunQuery query = endpoint.getTaskRunQuery();
        Message in = exchange.getIn();
        if (in.getHeaders().containsKey(DeckConstants.CURSOR)) {
            String cursor = in.getHeader(DeckConstants.CURSOR, String.class);
            return endpoint.getClient().listTaskRuns(query, cursor == null || cursor.isEmpty() ? null : cursor)
                    .thenAccept(page -> {
                        Message out = exchange.getMessage();
                        out.setBody(page.data());
                        out.setHeader(DeckConstants.HAS_MORE, page.hasMore());
                        if (page.nextCursor() != null) {
                            out.setHeader(DeckConstants.NEXT_CURSOR, page.nextCursor());
                        } else {
                            out.removeHeader(DeckConstants.NEXT_CURSOR);
                        }
                        setRequestId(out, page.requestId());
                    });
        }
        List<TaskRun> all = new ArrayList<>();
        return readAllPages(query, null, all).thenAccept(requestId -> {
            Message out = exchange.getMessage();
            out.setBody(all);
            setRequestId(out, requestId);
        });
    }

    private CompletableFuture<String> readAllPages(TaskRunQuery query, String cursor, List<TaskRun> into) {
        return endpoint.getClient().listTaskRuns(query, cursor).thenCompose((TaskRunPage page) -> {
            into.addAll(page.data());
            if (page.hasMore()) {
                return readAllPages(query, page.nextCursor(), into);
            }
            return CompletableFuture.completedFuture(page.requestId());
        });
    }

    private CompletableFuture<TaskRun> waitIfAsked(TaskRun run) {
        if (!configuration.isWaitForCompletion()) {
            return CompletableFuture.completedFuture(run);
        }
        return endpoint.getRunWaiter().waitFor(run, configuration.getWaitTimeout());
    }

    private static void setRun(Exchange exchange, TaskRun run) {
        Message out = exchange.getMessage();
        out.setBody(run);
        setRunHeaders(out, run);
    }

    /** Sets the headers every exchange that carries a run has. */
    static void setRunHeaders(Message message, TaskRun run) {
        message.setHeader(DeckConstants.RUN_ID, run.getId());
        message.setHeader(DeckConstants.RUN_STATUS, run.getStatusValue());
        setOrRemove(message, DeckConstants.RUN_RESULT, run.getResult());
        setOrRemove(message, DeckConstants.TASK_ID, run.getTaskId());
        setOrRemove(message, DeckConstants.SESSION_ID, run.getSessionId());
        setRequestId(message, run.getRequestId());
    }

    private static void setRequestId(Message message, String requestId) {
        setOrRemove(message, DeckConstants.REQUEST_ID, requestId);
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }

    /**
     * The Idempotency-Key of a POST: the header, else the option, else one derived from the exchange id, the operation
     * and its target, so a redelivered exchange sends the same key and Deck replays instead of starting a second run.
     */
    private String idempotencyKey(Exchange exchange, DeckOperation operation, String target) {
        String key = value(exchange.getIn(), DeckConstants.IDEMPOTENCY_KEY, configuration.getIdempotencyKey());
        if (key != null) {
            if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "The idempotency key is " + key.length() + " characters long; Deck accepts "
                                + "at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " (header "
                                + DeckConstants.IDEMPOTENCY_KEY + " or option idempotencyKey)");
            }
            return key;
        }
        String derived = "camel-" + exchange.getExchangeId() + "-" + operation + "-" + target;
        if (derived.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            derived = "camel-" + UUID.nameUUIDFromBytes(derived.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return derived;
    }

    private static String required(Message in, String header, String option, String optionName,
            DeckOperation operation) {
        String value = value(in, header, option);
        if (value == null) {
            throw new IllegalArgumentException(
                    operation + " needs the " + optionName + " option or the " + header + " header");
        }
        return value;
    }

    private static String value(Message in, String header, String option) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            value = option;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void putIfSet(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String producerNames() {
        StringBuilder sb = new StringBuilder();
        for (DeckOperation op : DeckOperation.values()) {
            if (op.isProducer()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(op);
            }
        }
        return sb.toString();
    }
}
