package io.github.cameldeck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.EventPage;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.EventDestination;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events consumer: receives Deck's signed webhooks through Camel's platform-http and emits each event once.
 * <p>
 * A verified delivery is queued and answered at once; routing threads take it from there. Deck's event log
 * ({@code GET /events}) is read at start, from where the consumer stopped, and then every catchUpInterval: it brings
 * what was sent while the application was down, deliveries Deck gave up on and events whose exchange failed. An event
 * is recorded in the idempotent repository (by its id, which is Deck's webhook-id) only after its exchange completed,
 * so duplicates and the overlap of webhook and event log are emitted once.
 */
public class DeckEventsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DeckEventsConsumer.class);

    /**
     * In a cluster the leader's catch-up leaves the newest events to the webhooks: another instance may be routing one
     * it received, and that instance's idempotent repository entry is written only when its exchange completed.
     */
    static final java.time.Duration CLUSTER_SETTLE = java.time.Duration.ofSeconds(10);

    /** How long a stopping consumer lets queued events be routed. */
    private static final long DRAIN_TIMEOUT_MS = 10_000;

    enum Offer {
        ACCEPTED, DUPLICATE, IGNORED, BUSY
    }

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;
    private final DeckEventsConfiguration events;
    private final List<String> types;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private IdempotentRepository repository;
    private EventPosition position;
    private ExecutorService workers;
    private ScheduledExecutorService catchUpScheduler;
    private Endpoint webhookEndpoint;
    private Consumer webhookConsumer;
    private EventDestinationRegistrar registrar;
    private EventDestination destination;
    private volatile Exception lastCatchUpFailure;
    private CamelClusterView clusterView;
    private CamelClusterEventListener.Leadership leadershipListener;

    public DeckEventsConsumer(DeckEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.events = endpoint.getEventsConfiguration();
        this.types = endpoint.getEventTypes();
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    /** The repository that records the emitted event ids: the configured one, or the bounded in-memory default. */
    public IdempotentRepository getIdempotentRepository() {
        return repository;
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

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        setHealthCheck(new EventsConsumerHealthCheck(this, getRouteId()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Component platformHttp = endpoint.getCamelContext().getComponent("platform-http");
        if (platformHttp == null) {
            throw new IllegalStateException(
                    "deck:events receives Deck's webhooks through Camel's platform-http, which is "
                            + "not on the classpath: add camel-platform-http-main (Camel Main), "
                            + "camel-platform-http-starter (Spring Boot) or camel-platform-http-vertx");
        }
        repository = endpoint.startIdempotentRepository();
        StateRepository<String, String> offsets = events.getOffsetRepository();
        ServiceHelper.startService(offsets);
        position = EventPosition.load(offsets, "deck:events:" + events.getWebhookPath(),
                Instant.now().minusMillis(configuration.getLookback()));

        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("DeckEvents");
        profile.setPoolSize(events.getConcurrentConsumers());
        profile.setMaxPoolSize(events.getConcurrentConsumers());
        profile.setMaxQueueSize(events.getMaxPendingEvents());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workers = executors.newThreadPool(this, "DeckEvents", profile);
        catchUpScheduler = executors.newSingleThreadScheduledExecutor(this, "DeckEventsCatchUp");

        try {
            startWebhookReceiver(new WebhookReceiver(endpoint.getWebhookVerifier(), this));
            if (events.isAutoRegister()) {
                registrar = new EventDestinationRegistrar(endpoint.getClient(), events.getPublicUrl().trim(), types,
                        endpoint.getWebhookSecrets().get(0), events.getDestinationName());
                destination = registrar.register();
            }
            if (events.getClusterNamespace() != null && !events.getClusterNamespace().isBlank()) {
                joinCluster(events.getClusterNamespace().trim());
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

    private void joinCluster(String namespace) throws Exception {
        CamelClusterService service = ClusterServiceHelper.lookupService(endpoint.getCamelContext())
                .orElseThrow(
                        () -> new IllegalStateException("The clusterNamespace option needs a CamelClusterService in "
                                + "the Camel context (camel-kubernetes, camel-file, "
                                + "camel-zookeeper, ...: the one camel-master uses)"));
        clusterView = service.getView(namespace);
        ScheduledExecutorService scheduler = catchUpScheduler;
        leadershipListener = (view, leader) -> {
            if (isLeader() && isRunAllowed()) {
                // a new leader catches up at once: the previous one may have died with events unread
                try {
                    scheduler.execute(this::catchUp);
                } catch (RejectedExecutionException stopping) {
                    LOG.debug("Became leader while stopping: no catch-up");
                }
            }
        };
        clusterView.addEventListener(leadershipListener);
        LOG.info("Reading Deck's event log only while leader of cluster namespace {}", namespace);
    }

    private boolean isLeader() {
        CamelClusterView view = clusterView;
        return view == null || view.getLocalMember().isLeader();
    }

    private void startWebhookReceiver(Processor receiver) throws Exception {
        webhookEndpoint = endpoint.getCamelContext()
                .getEndpoint("platform-http:" + events.getWebhookPath() + "?httpMethodRestrict=POST");
        webhookConsumer = webhookEndpoint.createConsumer(receiver);
        ServiceHelper.startService(webhookEndpoint, webhookConsumer);
        LOG.info("Receiving Deck webhooks on {} ({})", events.getWebhookPath(),
                types.isEmpty() ? "every event type" : String.join(", ", types));
    }

    @Override
    protected void doStop() throws Exception {
        release();
        super.doStop();
    }

    /** Stops receiving, lets acknowledged events be routed, and gives back what the start took. */
    private void release() throws Exception {
        ServiceHelper.stopService(webhookConsumer);
        webhookConsumer = null;
        if (clusterView != null) {
            clusterView.removeEventListener(leadershipListener);
            clusterView.getClusterService().releaseView(clusterView);
            clusterView = null;
        }
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (catchUpScheduler != null) {
            executors.shutdownGraceful(catchUpScheduler, DRAIN_TIMEOUT_MS);
            catchUpScheduler = null;
        }
        if (workers != null) {
            // events already acknowledged are routed before the route stops; what is left is read again at next start
            executors.shutdownGraceful(workers, DRAIN_TIMEOUT_MS);
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
        endpoint.stopIdempotentRepository(repository);
        repository = null;
        inFlight.clear();
    }

    /** Called by the receiver for a verified delivery; decides its answer. */
    Offer offer(DeckEvent event) {
        ExecutorService pool = workers;
        if (pool == null || !isRunAllowed()) {
            return Offer.BUSY;
        }
        if (!isWanted(event)) {
            return Offer.IGNORED;
        }
        if (!claim(event.getId())) {
            return Offer.DUPLICATE;
        }
        position.opened(event.getId(), createdAt(event));
        try {
            pool.execute(() -> route(event, "webhook"));
            return Offer.ACCEPTED;
        } catch (RejectedExecutionException e) {
            inFlight.remove(event.getId());
            // not acknowledged: Deck retries it, and the catch-up reads it from the event log
            position.handled(event.getId());
            LOG.debug("Event {} refused: {} events wait for a routing thread", event.getId(),
                    events.getMaxPendingEvents());
            return Offer.BUSY;
        }
    }

    /** Reads Deck's event log from the position and emits what was not emitted yet, oldest first within each page. */
    void catchUp() {
        if (!isLeader()) {
            LOG.trace("Not the leader of cluster namespace {}: no catch-up", events.getClusterNamespace());
            return;
        }
        DeckClient client;
        try {
            client = endpoint.getClient();
        } catch (IllegalStateException stopped) {
            return;
        }
        Instant from = position.readFrom();
        Instant serverTime = null;
        int emitted = 0;
        try {
            String cursor = null;
            do {
                EventPage page = Futures.await(client.listEvents(types, from, 100, cursor));
                if (serverTime == null) {
                    serverTime = page.serverTime() != null ? page.serverTime() : Instant.now();
                    if (clusterView != null) {
                        serverTime = serverTime.minus(CLUSTER_SETTLE);
                    }
                }
                List<DeckEvent> found = new ArrayList<>(page.data());
                found.sort(Comparator.comparing(DeckEventsConsumer::createdAt));
                for (DeckEvent event : found) {
                    if (!isRunAllowed()) {
                        return;
                    }
                    if (event.getId() != null && isWanted(event)
                            && (clusterView == null || !createdAt(event).isAfter(serverTime)) && claim(event.getId())) {
                        position.opened(event.getId(), createdAt(event));
                        route(event, "catchUp");
                        emitted++;
                    }
                }
                cursor = page.hasMore() ? page.nextCursor() : null;
            } while (cursor != null);
            position.readUpTo(serverTime);
            lastCatchUpFailure = null;
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

    /** Routes one event; records it as emitted only when its exchange completed. */
    private void route(DeckEvent event, String source) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            TaskRun run = null;
            if (isTaskRunEvent(event)) {
                if (events.isFetchRun()) {
                    run = Futures.await(endpoint.getClient().getTaskRun(event.dataText("id"), endpoint.getInclude()));
                    event.setData(DeckTypeConverters.toMap(run));
                } else {
                    run = event.getDataAsTaskRun();
                }
            }
            message.setBody(event);
            if (run != null && run.getId() != null) {
                DeckProducer.setRunHeaders(message, run);
            }
            message.setHeader(DeckConstants.EVENT_ID, event.getId());
            message.setHeader(DeckConstants.EVENT_TYPE, event.getType());
            if (event.getCreatedAt() != null) {
                message.setHeader(DeckConstants.EVENT_CREATED_AT, event.getCreatedAt());
            }
            message.setHeader(DeckConstants.EVENT_SOURCE, source);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() == null) {
                repository.add(event.getId());
                repository.confirm(event.getId());
                position.handled(event.getId());
            } else {
                getExceptionHandler().handleException("Error processing Deck event " + event.getId() + " ("
                        + event.getType() + "); it is offered again by the next catch-up",
                        exchange, exchange.getException());
            }
        } finally {
            inFlight.remove(event.getId());
            releaseExchange(exchange, false);
        }
    }

    /**
     * Takes an event for routing unless it was emitted or is being routed. The repository is asked again after the
     * claim: an exchange that just completed adds its id before it releases the claim.
     */
    private boolean claim(String eventId) {
        if (repository.contains(eventId) || !inFlight.add(eventId)) {
            return false;
        }
        if (repository.contains(eventId)) {
            inFlight.remove(eventId);
            return false;
        }
        return true;
    }

    private boolean isWanted(DeckEvent event) {
        return types.isEmpty() || types.contains(event.getType());
    }

    private static boolean isTaskRunEvent(DeckEvent event) {
        return event.getType() != null && event.getType().startsWith("task_run.") && event.dataText("id") != null;
    }

    private static Instant createdAt(DeckEvent event) {
        return event.getCreatedAt() != null ? event.getCreatedAt().toInstant() : Instant.now();
    }
}
