package io.github.cameldeck.events;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckEventsConfiguration;
import io.github.cameldeck.DeckTypeConverters;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.DecksClock;
import io.github.cameldeck.client.EventLogReader;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.EventDestination;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.EmittedLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events consumer: receives Deck's signed webhooks on the application's HTTP server and emits each event once.
 * <p>
 * A verified delivery is queued and answered at once; the workers' threads route it from there. Deck's event log
 * ({@code GET /events}) is read at start, from where the consumer stopped, and then every catchUpInterval, on the
 * catch-up's own thread: it brings what was sent while the application was down, deliveries Deck gave up on and events
 * whose exchange failed. An event is recorded in the ledger (by its id, which is Deck's webhook-id) only after its
 * exchange completed, so duplicates and the overlap of webhook and event log are emitted once.
 */
public class DeckEventsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DeckEventsConsumer.class);

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;
    private final DeckEventsConfiguration events;
    private final EventsSettings settings;
    private Clock clock = Clock.systemUTC();

    private EmittedLedger ledger;
    private EventPosition position;
    private EventWorkers workers;
    private ScheduledExecutorService catchUpScheduler;
    private EventsCatchUp catchUp;
    private WebhookListener listener;
    private EventDestinationRegistrar registrar;
    private EventDestination destination;
    private CatchUpLeadership leadership;
    private volatile Exception lastCatchUpFailure;
    private volatile Instant lastCatchUp;

    public DeckEventsConsumer(DeckEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.events = endpoint.getEventsConfiguration();
        this.settings = EventsSettings.of(configuration, events);
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    /** The repository that records the emitted event ids: the configured one, or the bounded in-memory default. */
    public IdempotentRepository getIdempotentRepository() {
        return ledger != null ? ledger.repository() : null;
    }

    /** The path the webhooks are received on. */
    public String getWebhookPath() {
        return events.getWebhookPath();
    }

    /** The event destination this consumer registered or reused (autoRegister), else null. */
    public EventDestination getEventDestination() {
        return destination;
    }

    /** The time from which the next catch-up reads Deck's event log. */
    public Instant getCatchUpPosition() {
        return position != null ? position.readFrom() : null;
    }

    /** The failure of the last catch-up, null when it succeeded. */
    public Exception getLastCatchUpFailure() {
        return lastCatchUpFailure;
    }

    /** Where the consumer stands: catch-up, event-log watermark, queued, routed and failed events. */
    public EventsConsumerPosition position() {
        EventPosition at = position;
        EventWorkers pool = workers;
        Instant done = lastCatchUp;
        Exception failure = lastCatchUpFailure;
        return new EventsConsumerPosition(done != null, at != null ? at.readFrom() : null,
                pool != null ? pool.queued() : 0, at != null ? at.routing() : 0, at != null ? at.failed() : 0, done,
                failure != null ? failure.getMessage() : null);
    }

    /** The clock of the start position and of events without a time (tests set one). */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        setHealthCheck(new EventsConsumerHealthCheck(this, getRouteId()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // fails at once, before anything is taken, when no HTTP server can receive the webhooks
        WebhookListener http = WebhookListener.on(endpoint.getCamelContext(), events.getWebhookComponentName());
        ledger = endpoint.openLedger();
        lastCatchUp = null;
        StateRepository<String, String> offsets = events.getOffsetRepository();
        ServiceHelper.startService(offsets);
        position = EventPosition.load(offsets, "deck:events:" + events.getWebhookPath(),
                clock.instant().minusMillis(configuration.getLookback()));
        String namespace = events.getClusterNamespace();
        boolean clustered = namespace != null && !namespace.isBlank();
        DecksClock decksClock = new DecksClock(clock);
        catchUp = new EventsCatchUp(new EventLogReader(endpoint.getClient(), settings.types()), position, clustered,
                decksClock);
        workers = new EventWorkers(endpoint.getCamelContext(), this, events.getConcurrentConsumers(),
                events.getMaxPendingEvents());
        catchUpScheduler = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "DeckEventsCatchUp");
        try {
            listener = http;
            http.start(events.getWebhookPath(),
                    new WebhookReceiver(settings.verifier(decksClock), getWebhookPath(), this::offer,
                            endpoint.getObserver()),
                    settings.types());
            if (events.isAutoRegister()) {
                registrar = new EventDestinationRegistrar(endpoint.getClient(), events.getPublicUrl().trim(),
                        settings.types(), settings.secrets().get(0), events.getDestinationName());
                destination = registrar.register();
            }
            if (clustered) {
                // a new leader catches up at once: the previous one may have died with events unread
                leadership = CatchUpLeadership.join(endpoint.getCamelContext(), namespace.trim(), this::catchUpSoon);
            }
        } catch (Exception e) {
            // a start that fails (Deck refuses the registration, no cluster service) frees the path and the threads
            try {
                release();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        long interval = events.getCatchUpInterval();
        if (interval > 0) {
            catchUpScheduler.scheduleWithFixedDelay(this::catchUp, 0, interval, TimeUnit.MILLISECONDS);
        } else {
            catchUpScheduler.execute(this::catchUp);
        }
    }

    private void catchUpSoon() {
        ScheduledExecutorService scheduler = catchUpScheduler;
        if (scheduler == null || !isRunAllowed()) {
            return;
        }
        try {
            scheduler.execute(this::catchUp);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Became leader while stopping: no catch-up");
        }
    }

    @Override
    protected void doStop() throws Exception {
        release();
        super.doStop();
    }

    /** Stops receiving, lets acknowledged events be routed, and gives back what the start took. */
    private void release() throws Exception {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
        if (leadership != null) {
            leadership.leave();
            leadership = null;
        }
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (catchUpScheduler != null) {
            executors.shutdownGraceful(catchUpScheduler, EventWorkers.DRAIN_TIMEOUT_MS);
            catchUpScheduler = null;
        }
        if (workers != null) {
            // events already acknowledged are routed before the route stops; what is left is read again at next start
            workers.drainAndStop();
            workers = null;
        }
        if (destination != null && events.isAutoUnregister()) {
            try {
                registrar.unregister(destination);
            } catch (RuntimeException e) {
                LOG.warn("Could not delete Deck event destination {}: {}", destination.getId(), e.getMessage());
            }
            destination = null;
        }
        if (position != null) {
            position.save();
        }
        ServiceHelper.stopService(events.getOffsetRepository());
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    /** A verified delivery: queued for a worker unless it is a duplicate, unwanted, or the queue is full. */
    private WebhookReceiver.Offer offer(DeckEvent event) {
        EventWorkers pool = workers;
        if (pool == null || !isRunAllowed()) {
            return WebhookReceiver.Offer.BUSY;
        }
        if (!settings.isWanted(event.getType())) {
            return WebhookReceiver.Offer.IGNORED;
        }
        if (!ledger.claim(event.getId())) {
            return WebhookReceiver.Offer.DUPLICATE;
        }
        position.opened(event.getId(), catchUp.createdAt(event));
        if (pool.offer(() -> route(event, "webhook"))) {
            return WebhookReceiver.Offer.ACCEPTED;
        }
        ledger.release(event.getId());
        // not acknowledged: Deck retries it, and the catch-up reads it from the event log
        position.handled(event.getId());
        LOG.debug("Event {} refused: {} events wait for a routing thread", event.getId(), events.getMaxPendingEvents());
        return WebhookReceiver.Offer.BUSY;
    }

    /** Reads Deck's event log from the position and emits what was not emitted yet (only on the leader in a cluster). */
    void catchUp() {
        if (leadership != null && !leadership.isLeader()) {
            LOG.trace("Not the leader of cluster namespace {}: no catch-up", leadership.namespace());
            return;
        }
        Instant from = position.readFrom();
        try {
            int emitted = catchUp.run(this::isRunAllowed, event -> {
                if (!settings.isWanted(event.getType()) || !ledger.claim(event.getId())) {
                    return false;
                }
                position.opened(event.getId(), catchUp.createdAt(event));
                route(event, "catchUp");
                return true;
            });
            lastCatchUpFailure = null;
            lastCatchUp = clock.instant();
            LOG.debug("Catch-up from {} emitted {} events; next from {}", from, emitted, position.readFrom());
        } catch (Exception e) {
            lastCatchUpFailure = e;
            getExceptionHandler().handleException("Reading Deck's event log failed; it is read again from " + from
                    + (events.getCatchUpInterval() > 0
                            ? " in " + events.getCatchUpInterval() + " ms"
                            : " at next start"),
                    e);
        }
    }

    /** Routes one claimed event; records it as emitted only when its exchange completed. */
    private void route(DeckEvent event, String source) {
        Exchange exchange = createExchange(false);
        try {
            TaskRun run = null;
            if (event.isTaskRunEvent()) {
                run = events.isFetchRun() ? fetchRun(event) : event.getDataAsTaskRun();
            }
            String credentialId = EventMessages.credentialIdOf(event, run);
            String externalId = credentialId != null
                    ? Futures.await(endpoint.externalIdOfCredential(credentialId))
                    : null;
            EventMessages.fill(exchange.getIn(), event, run, externalId, source);
            if (run != null) {
                endpoint.getObserver().delivered("events", run, Instant.ofEpochMilli(exchange.getClock().getCreated()));
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() == null) {
                ledger.recordEmitted(event.getId());
                position.handled(event.getId());
            } else {
                ledger.release(event.getId());
                position.failed(event.getId());
                getExceptionHandler().handleException("Error processing Deck event " + event.getId() + " ("
                        + event.getType() + "); it is offered again by the next catch-up",
                        exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** fetchRun: the full run, which replaces the summary in the event's data. */
    private TaskRun fetchRun(DeckEvent event) {
        DeckClient client = endpoint.getClient();
        TaskRun run = Futures.await(client.getTaskRun(event.dataText("id"), endpoint.getInclude()));
        event.setData(DeckTypeConverters.toMap(run));
        return run;
    }
}
