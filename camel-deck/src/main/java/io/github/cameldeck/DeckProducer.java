package io.github.cameldeck;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.cameldeck.client.Futures;
import io.github.cameldeck.producer.OperationGroup;
import io.github.cameldeck.producer.ProducerOperations;
import io.github.cameldeck.support.ProducerHealthCheck;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The producer of every deck operation but the consumers': dispatches each exchange to its operation (the endpoint's, or
 * the {@link DeckConstants#OPERATION} header's), grouped by Deck resource in the {@code producer} package.
 * <p>
 * Threads: input is checked, and the first HTTP attempt is sent, on the caller's thread, which waits for Deck's answer
 * (at most requestTimeout). Retries and waitForCompletion polls are scheduled on the component's scheduler, and when one
 * of them settles the call, the exchange completes asynchronously on that thread; no thread is held while a call waits
 * for its next attempt.
 */
public class DeckProducer extends DefaultAsyncProducer {

    private final DeckEndpoint endpoint;
    private final Map<DeckOperation, OperationGroup.Operation> operations;
    private ProducerHealthCheck healthCheck;

    public DeckProducer(DeckEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operations = ProducerOperations.of(endpoint);
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint is started before its producer, so its organization is known
        healthCheck = ProducerHealthCheck.join(endpoint);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.leave(endpoint);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> done;
        try {
            DeckOperation operation = determineOperation(exchange);
            OperationGroup.Operation implementation = operations.get(operation);
            if (implementation == null) {
                throw new IllegalArgumentException(
                        "deck:" + operation + " cannot be used to send; producer operations are: " + producerNames());
            }
            done = implementation.invoke(exchange);
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
            exchange.setException(Futures.unwrap(e));
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

    private String producerNames() {
        return String.join(", ", operations.keySet().stream().map(DeckOperation::name).toList());
    }
}
