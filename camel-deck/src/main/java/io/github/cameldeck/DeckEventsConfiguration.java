package io.github.cameldeck;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the events consumer, which receives Deck's webhooks.
 */
@UriParams
public class DeckEventsConfiguration {

    public static final String DEFAULT_WEBHOOK_PATH = "/deck/events";

    @UriParam(label = "consumer", description = "events: the event types to emit, comma-separated "
            + "(task_run.completed, task_run.interaction_required, credential.invalid, ...). Default: every type. "
            + "Deliveries of other types are acknowledged and dropped.")
    private String types;

    @UriParam(label = "consumer", defaultValue = DEFAULT_WEBHOOK_PATH, description = "events: the HTTP path, on the "
            + "application's HTTP server (platform-http unless webhookComponentName names another), where Deck POSTs its "
            + "webhooks.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;

    @UriParam(label = "consumer,advanced", description = "events: the Camel component that receives the webhooks: any "
            + "component that can serve REST consumers (netty-http, jetty, undertow, servlet, ...), configured as for "
            + "Camel's rest DSL (the rest configuration's host, port and context path apply). Default: platform-http.")
    private String webhookComponentName;

    @UriParam(label = "consumer", defaultValue = "false", description = "events: for task_run events, fetch the full run "
            + "(events carry a summary without output) and put it in the event's data; sections as in the include option.")
    private boolean fetchRun;

    @UriParam(label = "consumer", defaultValue = "60s", javaType = "java.time.Duration", description = "events: how often "
            + "the consumer reads Deck's event log (GET /events) for events it has not emitted: deliveries Deck gave up on, "
            + "events whose exchange failed. 0: only at start.")
    private long catchUpInterval = 60_000;

    @UriParam(label = "consumer,advanced", description = "events: where the consumer keeps the time up to which it has "
            + "handled every event, so the catch-up at start reads only what came since (a FileStateRepository, or "
            + "any other StateRepository). Default: none, the catch-up at start reads the lookback.")
    private StateRepository<String, String> offsetRepository;

    @UriParam(label = "consumer,advanced", description = "events, in a cluster: the namespace of the application's "
            + "CamelClusterService (the one camel-master uses) whose leader alone reads Deck's event log; every instance "
            + "still receives webhooks (share the idempotentRepository). Default: every instance catches up.")
    private String clusterNamespace;

    @UriParam(label = "consumer", defaultValue = "1", description = "events: how many threads route the received "
            + "events. Deck's request is answered as soon as an event is verified and queued.")
    private int concurrentConsumers = 1;

    @UriParam(label = "consumer,advanced", defaultValue = "1000", description = "events: how many verified events may "
            + "wait for a routing thread; when full, deliveries are answered 503 and Deck retries them.")
    private int maxPendingEvents = 1000;

    @UriParam(label = "consumer", defaultValue = "5m", javaType = "java.time.Duration", description = "events: how far a "
            + "delivery's webhook-timestamp may be from Deck's time (this host's clock corrected by the difference the "
            + "event log's answers show); older or newer deliveries are rejected (replay protection).")
    private long signatureTolerance = 5 * 60_000L;

    @UriParam(label = "consumer", defaultValue = "false", description = "events: create Deck's webhook event destination "
            + "for publicUrl on start (or reuse the one with that URL), signed with webhookSecret.")
    private boolean autoRegister;

    @UriParam(label = "consumer", description = "events with autoRegister: the public https URL at which Deck reaches "
            + "webhookPath (through your load balancer or tunnel).")
    private String publicUrl;

    @UriParam(label = "consumer", defaultValue = "false", description = "events with autoRegister: delete the event "
            + "destination when the consumer stops. Leave it off when several instances share the destination.")
    private boolean autoUnregister;

    @UriParam(label = "consumer", defaultValue = "camel-deck", description = "events with autoRegister: the name of the "
            + "event destination created.")
    private String destinationName = "camel-deck";

    public String getTypes() {
        return types;
    }

    public void setTypes(String types) {
        this.types = types;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public boolean isFetchRun() {
        return fetchRun;
    }

    public void setFetchRun(boolean fetchRun) {
        this.fetchRun = fetchRun;
    }

    public long getCatchUpInterval() {
        return catchUpInterval;
    }

    public void setCatchUpInterval(long catchUpInterval) {
        this.catchUpInterval = catchUpInterval;
    }

    public StateRepository<String, String> getOffsetRepository() {
        return offsetRepository;
    }

    public void setOffsetRepository(StateRepository<String, String> offsetRepository) {
        this.offsetRepository = offsetRepository;
    }

    public String getClusterNamespace() {
        return clusterNamespace;
    }

    public void setClusterNamespace(String clusterNamespace) {
        this.clusterNamespace = clusterNamespace;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getMaxPendingEvents() {
        return maxPendingEvents;
    }

    public void setMaxPendingEvents(int maxPendingEvents) {
        this.maxPendingEvents = maxPendingEvents;
    }

    public long getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(long signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public boolean isAutoRegister() {
        return autoRegister;
    }

    public void setAutoRegister(boolean autoRegister) {
        this.autoRegister = autoRegister;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public boolean isAutoUnregister() {
        return autoUnregister;
    }

    public void setAutoUnregister(boolean autoUnregister) {
        this.autoUnregister = autoUnregister;
    }

    public String getDestinationName() {
        return destinationName;
    }

    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }
}
