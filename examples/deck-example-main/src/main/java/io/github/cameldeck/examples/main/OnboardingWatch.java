package io.github.cameldeck.examples.main;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.StorageItem;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches the route that handles {@code credential.verified} ({@link OnboardingRoutes#VERIFIED_ROUTE}) and keeps,
 * per customer, how it ended: the event it routed and the first statements run, or the failure. The demo stops when
 * its customer is onboarded; the test reads what was routed. An event of a credential that is not a customer of the
 * flow (the route's filter left it) is not kept.
 */
public final class OnboardingWatch extends EventNotifierSupport {

    /**
     * How the route ended for one customer.
     *
     * @param customer     {@code CamelDeckExternalId}, as the events consumer looked it up
     * @param eventType    {@code CamelDeckEventType}: credential.verified
     * @param credentialId the credential the event is about
     * @param runId        the first statements run
     * @param runStatus    its status when the route ended (completed, failed...)
     * @param files        the names Deck stored the run's files under (archived when the run completed)
     * @param failure      the exception when the route failed (the consumer offers the event again), else null
     */
    public record Onboarded(String customer, String eventType, String credentialId, String runId, String runStatus,
            List<String> files, Exception failure) {

        /** Whether the first statements run completed and its files were archived. */
        public boolean archived() {
            return failure == null && "completed".equals(runStatus);
        }
    }

    private final Map<String, Onboarded> byCustomer = new ConcurrentHashMap<>();
    private final Consumer<Onboarded> listener;

    /** @param listener told of each customer's end, on the routing thread */
    public OnboardingWatch(Consumer<Onboarded> listener) {
        this.listener = listener;
    }

    /** How the route last ended for the customer, if it did. */
    public Optional<Onboarded> onboarded(String customer) {
        return Optional.ofNullable(byCustomer.get(customer));
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        Message message = exchange.getMessage();
        String runId = message.getHeader(DeckConstants.RUN_ID, String.class);
        String customer = message.getHeader(DeckConstants.EXTERNAL_ID, String.class);
        if (!OnboardingRoutes.VERIFIED_ROUTE.equals(exchange.getFromRouteId())
                || exchange.getProperty(Exchange.CORRELATION_ID) != null || customer == null
                || runId == null && exchange.getException() == null) {
            return; // another route, a file of the split (a copy of the event's exchange), an event the filter left
        }
        List<String> files = message.getBody() instanceof List<?> items
                ? items.stream().filter(StorageItem.class::isInstance).map(item -> ((StorageItem) item).getFileName())
                        .toList()
                : List.of();
        Onboarded onboarded = new Onboarded(customer, message.getHeader(DeckConstants.EVENT_TYPE, String.class),
                message.getHeader(DeckConstants.CREDENTIAL_ID, String.class), runId,
                message.getHeader(DeckConstants.RUN_STATUS, String.class), files, exchange.getException());
        byCustomer.put(customer, onboarded);
        listener.accept(onboarded);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }
}
