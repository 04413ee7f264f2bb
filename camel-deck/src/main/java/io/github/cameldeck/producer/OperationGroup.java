package io.github.cameldeck.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.Page;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The producer operations on one Deck resource (runs, storage, credentials, ...). A group registers each of its
 * operations in its constructor; the helpers here read ids from headers and options the same way for every operation,
 * derive Idempotency-Keys and read lists.
 */
public abstract class OperationGroup {

    /** One producer operation: checks its input (throwing before any call) and returns the call's completion. */
    @FunctionalInterface
    public interface Operation {
        CompletableFuture<Void> invoke(Exchange exchange);
    }

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

    protected final DeckEndpoint endpoint;
    protected final DeckConfiguration configuration;
    private final Map<DeckOperation, Operation> operations = new EnumMap<>(DeckOperation.class);
    private final Map<DeckOperation, Runnable> optionChecks = new EnumMap<>(DeckOperation.class);

    protected OperationGroup(DeckEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    protected final void register(DeckOperation operation, Operation implementation) {
        if (!operation.isProducer()) {
            throw new IllegalArgumentException(operation + " is not a producer operation");
        }
        operations.put(operation, implementation);
    }

    /**
     * Registers an operation whose options are checked when a producer of it is created (an operation named by the
     * CamelDeckOperation header has them checked when it is called).
     *
     * @param optionChecks throws IllegalArgumentException naming a wrong option
     */
    protected final void register(DeckOperation operation, Operation implementation, Runnable optionChecks) {
        register(operation, implementation);
        this.optionChecks.put(operation, optionChecks);
    }

    /** Checks the options of the operation, when it has checks. */
    public final void checkOptions(DeckOperation operation) {
        Runnable check = optionChecks.get(operation);
        if (check != null) {
            check.run();
        }
    }

    /** The operations of this group. */
    public final Map<DeckOperation, Operation> operations() {
        return Collections.unmodifiableMap(operations);
    }

    /** The header, else the option: a value the operation cannot do without. */
    protected static String required(Message in, String header, String option, String optionName,
            DeckOperation operation) {
        String value = value(in, header, option);
        if (value == null) {
            throw new IllegalArgumentException(
                    operation + " needs the " + optionName + " option or the " + header + " header");
        }
        return value;
    }

    /** The header when set and not blank, else the option; trimmed, null when neither is set. */
    protected static String value(Message in, String header, String option) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            value = option;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The Idempotency-Key of a POST: the header, else the option, else one derived from the exchange id, the operation
     * and its target, so a redelivered exchange sends the same key and Deck replays instead of acting twice.
     */
    protected String idempotencyKey(Exchange exchange, DeckOperation operation, String target) {
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
        return fitKey("camel-" + exchange.getExchangeId() + "-" + operation + "-" + target);
    }

    /** A derived Idempotency-Key as it is, or, when longer than Deck accepts, a name-based UUID of it. */
    static String fitKey(String derived) {
        return derived.length() <= MAX_IDEMPOTENCY_KEY_LENGTH
                ? derived
                : "camel-" + UUID.nameUUIDFromBytes(derived.getBytes(StandardCharsets.UTF_8));
    }

    /** The run as the exchange's body, with the run headers. */
    protected static void setRun(Exchange exchange, TaskRun run) {
        Message out = exchange.getMessage();
        out.setBody(run);
        RunHeaders.set(out, run);
    }

    /**
     * The run as the exchange's body, with the run headers and {@link DeckConstants#EXTERNAL_ID}: the external id of
     * the run's credential (looked up, cached), or {@code knownExternalId} when the exchange resolved it.
     */
    protected CompletableFuture<Void> replyRun(Exchange exchange, TaskRun run, String knownExternalId) {
        CompletableFuture<String> externalId = knownExternalId != null
                ? CompletableFuture.completedFuture(knownExternalId)
                : endpoint.externalIdOf(run);
        return externalId.thenAccept(id -> {
            setRun(exchange, run);
            RunHeaders.setOrRemove(exchange.getMessage(), DeckConstants.EXTERNAL_ID, id);
        });
    }

    /** The external id the exchange names (header, else option), or null. */
    protected String externalId(Exchange exchange) {
        return value(exchange.getIn(), DeckConstants.EXTERNAL_ID, configuration.getExternalId());
    }

    /**
     * A list operation: with the {@link DeckConstants#CURSOR} header (empty for the first), one page with the
     * {@link DeckConstants#HAS_MORE} and {@link DeckConstants#NEXT_CURSOR} headers; else with streamList, an
     * {@link java.util.Iterator} that reads each next page when the route has taken the previous one (the first page is
     * read now, so a wrong id fails the exchange, not the split); else every page, read one after another, as one
     * {@code List}.
     *
     * @param pages reads the page at a cursor (null for the first)
     */
    protected <T> CompletableFuture<Void> list(Exchange exchange,
            Function<String, CompletableFuture<Page<T>>> pages) {
        Message in = exchange.getIn();
        if (in.getHeaders().containsKey(DeckConstants.CURSOR)) {
            String cursor = in.getHeader(DeckConstants.CURSOR, String.class);
            return pages.apply(cursor == null || cursor.isEmpty() ? null : cursor).thenAccept(page -> {
                Message out = exchange.getMessage();
                out.setBody(page.data());
                out.setHeader(DeckConstants.HAS_MORE, page.hasMore());
                RunHeaders.setOrRemove(out, DeckConstants.NEXT_CURSOR, page.nextCursor());
                RunHeaders.setRequestId(out, page.requestId());
            });
        }
        if (configuration.isStreamList()) {
            return pages.apply(null).thenAccept(first -> {
                Message out = exchange.getMessage();
                out.setBody(new PageIterator<>(first, pages));
                RunHeaders.setRequestId(out, first.requestId());
            });
        }
        List<T> all = new ArrayList<>();
        return readAll(pages, null, all).thenAccept(requestId -> {
            Message out = exchange.getMessage();
            out.setBody(all);
            RunHeaders.setRequestId(out, requestId);
        });
    }

    private static <T> CompletableFuture<String> readAll(Function<String, CompletableFuture<Page<T>>> pages,
            String cursor, List<T> into) {
        return pages.apply(cursor).thenCompose(page -> {
            into.addAll(page.data());
            if (page.hasMore()) {
                return readAll(pages, page.nextCursor(), into);
            }
            return CompletableFuture.completedFuture(page.requestId());
        });
    }
}
