package io.github.cameldeck.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckHttpTransport;
import io.github.cameldeck.model.DeckResource;
import io.github.cameldeck.model.DeletedObject;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations of a Deck resource read and written as a whole ({@code /credentials}, {@code /tasks}, ...): create,
 * get, list, update, delete, each the same way for every resource. What differs per resource (its path, model, id
 * option and header, required fields) is given by the subclass.
 */
abstract class ResourceGroup<T extends DeckResource> extends OperationGroup {

    private final String path;
    private final Class<T> type;
    private final String idHeader;
    private final String idOption;

    /**
     * @param path     the collection's path, e.g. {@code /credentials}
     * @param idHeader the header that names one object, and that an answer sets to its id
     * @param idOption the option that names one object, for error messages
     */
    ResourceGroup(DeckEndpoint endpoint, String path, Class<T> type, String idHeader, String idOption) {
        super(endpoint);
        this.path = path;
        this.type = type;
        this.idHeader = idHeader;
        this.idOption = idOption;
    }

    /** The option's value of the object's id (the header wins). */
    protected abstract String idOptionValue();

    /** The id the exchange names: its header, else the option. */
    protected String id(Exchange exchange, DeckOperation operation) {
        return required(exchange.getIn(), idHeader, idOptionValue(), idOption, operation);
    }

    protected String pathOf(String id) {
        return path + "/" + DeckHttpTransport.encode(id);
    }

    /** {@code POST path} with the body, which the caller filled in and checked. */
    protected CompletableFuture<Void> create(Exchange exchange, DeckOperation operation, ObjectNode body) {
        String key = idempotencyKey(exchange, operation, path);
        return endpoint.getClient().write("POST", path, body, key, type).thenAccept(made -> reply(exchange, made));
    }

    protected CompletableFuture<Void> get(Exchange exchange, DeckOperation operation) {
        String id = id(exchange, operation);
        return endpoint.getClient().fetch(pathOf(id), List.of(), type).thenAccept(found -> reply(exchange, found));
    }

    /** Every page, one page, or a lazily read iterator (see {@link OperationGroup#list}), with the filters given. */
    protected CompletableFuture<Void> list(Exchange exchange, List<Map.Entry<String, String>> filters) {
        List<Map.Entry<String, String>> query = new ArrayList<>(filters);
        query.add(Map.entry("limit", Integer.toString(configuration.getPageSize())));
        return list(exchange, cursor -> endpoint.getClient().fetchPage(path, query, cursor, type));
    }

    /** {@code PATCH path/id} with the body's fields, which must not be empty. */
    protected CompletableFuture<Void> update(Exchange exchange, DeckOperation operation) {
        return update(exchange, operation, requiredBody(exchange, operation, false, "the fields to change"));
    }

    /** {@code PATCH path/id} with {@code changes}. */
    protected CompletableFuture<Void> update(Exchange exchange, DeckOperation operation, ObjectNode changes) {
        String id = id(exchange, operation);
        String key = idempotencyKey(exchange, operation, id);
        return endpoint.getClient().write("PATCH", pathOf(id), changes, key, type)
                .thenAccept(changed -> reply(exchange, changed));
    }

    /** {@code DELETE path/id}: the body becomes the {@link DeletedObject}. */
    protected CompletableFuture<Void> delete(Exchange exchange, DeckOperation operation) {
        String id = id(exchange, operation);
        String key = idempotencyKey(exchange, operation, id);
        return endpoint.getClient().write("DELETE", pathOf(id), null, key, DeletedObject.class)
                .thenAccept(deleted -> {
                    Message out = exchange.getMessage();
                    out.setBody(deleted);
                    out.setHeader(idHeader, deleted.getId() != null ? deleted.getId() : id);
                    RunHeaders.setRequestId(out, deleted.getRequestId());
                });
    }

    /** {@code POST path/id/action} without a body (resetTask, endSession). */
    protected CompletableFuture<Void> act(Exchange exchange, DeckOperation operation, String action) {
        String id = id(exchange, operation);
        String key = idempotencyKey(exchange, operation, id);
        return endpoint.getClient().write("POST", pathOf(id) + "/" + action, null, key, type)
                .thenAccept(result -> reply(exchange, result));
    }

    /** The object as body, its id in the id header, Deck's request id, and what {@link #moreHeaders} adds. */
    protected void reply(Exchange exchange, T value) {
        Message out = exchange.getMessage();
        out.setBody(value);
        RunHeaders.setOrRemove(out, idHeader, value.getId());
        RunHeaders.setRequestId(out, value.getRequestId());
        moreHeaders().accept(out, value);
    }

    /** Headers an answer of this resource sets besides its id and request id; none by default. */
    protected BiConsumer<Message, T> moreHeaders() {
        return (out, value) -> {
        };
    }

    /** The body as a JSON object that is not empty, else an error that says what the operation needs. */
    protected static ObjectNode requiredBody(Exchange exchange, DeckOperation operation, boolean secret,
            String what) {
        ObjectNode body = DeckBodies.toJsonObject(exchange.getIn().getBody(), operation, secret);
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs " + what + " in the body (a Map, JsonNode, JSON "
                    + "String or POJO), but the body is "
                    + (body == null ? "empty" : "an empty object"));
        }
        return body;
    }

    /** Puts {@code value} as {@code field} when the body has no such field (or null) and the value is set. */
    protected static void fillIn(ObjectNode body, String field, String value) {
        if (value != null && (!body.hasNonNull(field))) {
            body.put(field, value);
        }
    }

    /**
     * Checks that each field (a dotted path for nested ones) is present and not blank, naming every missing one.
     *
     * @param hints what may supply each field besides the body, by field, e.g. "or the agentId option"
     */
    protected static void requireFields(ObjectNode body, DeckOperation operation, Map<String, String> hints,
            String... fields) {
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            JsonNode node = body;
            for (String part : field.split("\\.")) {
                node = node.path(part);
            }
            if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                String hint = hints.get(field);
                missing.add(field + (hint != null ? " (" + hint + ")" : ""));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs " + String.join(", ", missing) + " in the body");
        }
    }

    /** A header name constant for messages, e.g. "the agentId option or the CamelDeckAgentId header". */
    protected static String optionOrHeader(String option, String header) {
        return "or the " + option + " option or the " + header + " header";
    }
}
