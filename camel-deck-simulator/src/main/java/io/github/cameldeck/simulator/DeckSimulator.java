package io.github.cameldeck.simulator;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.core.CatalogChanges;
import io.github.cameldeck.simulator.core.CatalogService;
import io.github.cameldeck.simulator.core.DestinationDraft;
import io.github.cameldeck.simulator.core.EngineSettings;
import io.github.cameldeck.simulator.core.EventDestinationService;
import io.github.cameldeck.simulator.core.EventRecord;
import io.github.cameldeck.simulator.core.EventService;
import io.github.cameldeck.simulator.core.RunDraft;
import io.github.cameldeck.simulator.core.RunService;
import io.github.cameldeck.simulator.core.SimulatorEngine;
import io.github.cameldeck.simulator.core.TaskDraft;
import io.github.cameldeck.simulator.files.FileHostHandler;
import io.github.cameldeck.simulator.files.HostedFile;
import io.github.cameldeck.simulator.files.SignedUrls;
import io.github.cameldeck.simulator.files.SimulatorFiles;
import io.github.cameldeck.simulator.files.UrlSigner;
import io.github.cameldeck.simulator.http.DeckHttpHandler;
import io.github.cameldeck.simulator.http.DeckHttpServer;
import io.github.cameldeck.simulator.http.DeckRoutes;
import io.github.cameldeck.simulator.http.IdempotencyCache;
import io.github.cameldeck.simulator.http.RateLimiter;
import io.github.cameldeck.simulator.http.Services;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.webhook.WebhookDispatcher;
import io.github.cameldeck.simulator.webhook.WebhookSettings;

/**
 * A local stand-in for the Deck API v2 over real HTTP on 127.0.0.1. Build with {@link #builder()}, then
 * {@link #start()}; the API lives under {@link #baseUrl()}, and the files of storage items and screenshots on a
 * second server, the file host, under {@link #storageBaseUrl()}, behind signed URLs that expire. Data can also be
 * created and inspected directly (no HTTP) for test setup and assertions. Operations of the Java API throw
 * {@link io.github.cameldeck.simulator.core.ApiException} where the HTTP API would answer with an error.
 */
public final class DeckSimulator implements AutoCloseable {

    /** The API key accepted unless another is configured. */
    public static final String DEFAULT_API_KEY = "sk_live_simulator_0000000000000000";

    private final Builder config;
    private final SimulatorEngine engine;
    private final CatalogService catalog;
    private final CatalogChanges changes;
    private final RunService runs;
    private final EventService events;
    private final EventDestinationService destinations;
    private final FaultInjection faults = new FaultInjection();
    private final SimulatorStats stats;
    private final RateLimiter rateLimiter;
    private final IdempotencyCache idempotency;
    private final SimulatorFiles files;
    private final UrlSigner urlSigner = UrlSigner.withRandomSecret();
    private DeckHttpServer server;
    private DeckHttpServer fileHost;
    private ScheduledExecutorService ticker;
    private WebhookDispatcher webhooks;
    private DemoData.Seeded demoData;

    private DeckSimulator(Builder config) {
        this.config = config;
        this.engine = new SimulatorEngine(config.clock, new EngineSettings(config.cancelingSpelling,
                config.sessionLimit, config.assignSessionOnCreate, config.defaultScenario, config.eventCapacity));
        this.catalog = new CatalogService(engine);
        this.changes = CatalogChanges.of(engine);
        this.runs = new RunService(engine);
        this.events = new EventService(engine);
        this.destinations = new EventDestinationService(engine);
        this.rateLimiter = new RateLimiter(config.rateLimit, config.rateWindow);
        this.stats = new SimulatorStats(config.rateLimit == 0 ? Duration.ofSeconds(10) : config.rateWindow);
        this.idempotency = new IdempotencyCache(config.clock);
        this.files = new SimulatorFiles(runs);
        if (config.seedDemoData) {
            this.demoData = DemoData.seed(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving HTTP (the API and the file host), delivering webhooks and, with a system clock, the background
     * ticker. Returns this.
     */
    public synchronized DeckSimulator start() {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        fileHost = DeckHttpServer.start(config.storagePort, config.threads, "deck-simulator-files-",
                new FileHostHandler(files, urlSigner, config.clock, faults.downloads(), stats.downloads()));
        SignedUrls urls = new SignedUrls("http://127.0.0.1:" + fileHost.port(), urlSigner, config.clock,
                config.storageUrlTtl);
        Services services = new Services(engine, catalog, changes, runs, events, destinations, faults, urls);
        DeckHttpHandler handler = new DeckHttpHandler(DeckRoutes.create(services), config.apiKey, rateLimiter,
                idempotency, faults, stats);
        server = DeckHttpServer.start(config.port, config.threads, handler);
        webhooks = new WebhookDispatcher(destinations, faults, stats,
                new WebhookSettings(config.webhookTimeout, config.webhookBackoff, WebhookSettings.DEFAULT_THREADS));
        destinations.attach(webhooks);
        if (!config.clock.isManual()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deck-simulator-ticker");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 25, 25, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void tick() {
        try {
            engine.processDue();
        } catch (RuntimeException e) {
            System.err.println("deck-simulator: ticker failed: " + e);
        }
    }

    /** Stops serving and delivering webhooks (pending deliveries are abandoned); idempotent. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (webhooks != null) {
            destinations.attach(null);
            webhooks.shutdown();
            webhooks = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
        if (fileHost != null) {
            fileHost.stop();
            fileHost = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code http://127.0.0.1:<port>/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v2";
    }

    /** The bound port (requires {@link #start()}). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.port();
    }

    /**
     * The file host's {@code http://127.0.0.1:<port>} (requires {@link #start()}): where the signed URLs of storage
     * items and screenshots point. It stands for Deck's storage bucket: no API key, no rate limit, not under /v2.
     */
    public synchronized String storageBaseUrl() {
        if (fileHost == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return "http://127.0.0.1:" + fileHost.port();
    }

    /** How long a signed storage or screenshot URL stays valid after it was rendered, on the simulator clock. */
    public Duration storageUrlTtl() {
        return config.storageUrlTtl;
    }

    /**
     * The bytes the file host serves for a storage item, generated again on each call (no HTTP, works when stopped).
     *
     * @throws io.github.cameldeck.simulator.core.ApiException 404 if there is no such item
     */
    public InputStream fileContent(String storageId) {
        return HostedFile.of(runs.storageItem(storageId)).open();
    }

    /**
     * The bytes the file host serves for a run's screenshot ({@code sequence} from 1).
     *
     * @throws IllegalArgumentException if the run has no such screenshot
     * @throws io.github.cameldeck.simulator.core.ApiException 404 if there is no such run
     */
    public InputStream screenshotContent(String runId, int sequence) {
        runs.get(runId);
        HostedFile file = files.screenshot(runId, sequence);
        if (file == null) {
            throw new IllegalArgumentException("Task run " + runId + " has no screenshot " + sequence);
        }
        return file.open();
    }

    public String apiKey() {
        return config.apiKey;
    }

    public SimulatorClock clock() {
        return config.clock;
    }

    /** The wire spelling of the cancel-in-progress status. */
    public String cancelingSpelling() {
        return config.cancelingSpelling;
    }

    /** With a manual clock: moves time forward and applies the run transitions that became due. */
    public void advance(Duration duration) {
        engine.advance(duration);
    }

    /** Applies the run transitions due by now (requests and {@link #advance} do this already). */
    public void processDueTransitions() {
        engine.processDue();
    }

    public FaultInjection faults() {
        return faults;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /**
     * Clears runs, sessions, storage items (their URLs then answer 404), events, webhook deliveries (pending ones are
     * abandoned), faults, stats, the idempotency cache and the rate-limit window; keeps agents, sources, credentials,
     * tasks (including seeded data), event destinations with their secrets, and the API key.
     */
    public void reset() {
        WebhookDispatcher dispatcher = currentWebhooks();
        if (dispatcher != null) {
            dispatcher.cancelAll();
        }
        engine.clearActivity();
        faults.reset();
        stats.reset();
        idempotency.clear();
        rateLimiter.reset();
    }

    /** The ids created by {@code seedDemoData(true)}, or null. */
    public DemoData.Seeded demoData() {
        return demoData;
    }

    public Agent createAgent(String name) {
        return createAgent(name, null);
    }

    public Agent createAgent(String name, String description) {
        return catalog.createAgent(Objects.requireNonNull(name, "name"), description);
    }

    public Agent agent(String agentId) {
        return catalog.agent(agentId);
    }

    /** Deletes an agent and its tasks (as {@code DELETE /agents/{id}}). */
    public void deleteAgent(String agentId) {
        changes.agents().delete(agentId);
    }

    /** A website source without a name. */
    public Source createSource(String url) {
        return createSource(null, url);
    }

    public Source createSource(String name, String url) {
        return catalog.createSource("website", name, Objects.requireNonNull(url, "url"));
    }

    public Source source(String sourceId) {
        return catalog.source(sourceId);
    }

    /** Deletes a source (as {@code DELETE /sources/{id}}); runs against it then answer 404. */
    public void deleteSource(String sourceId) {
        changes.sources().delete(sourceId);
    }

    /** Puts a source on Deck's blocklist: runs against it are answered 403 {@code source/source_blocked}. */
    public void blockSource(String sourceId) {
        catalog.blockSource(sourceId);
    }

    public Credential createCredential(String sourceId, String username, String password) {
        return createCredential(sourceId, username, password, null);
    }

    /** A username and password credential with the client's own id for it ({@code external_id}; null for none). */
    public Credential createCredential(String sourceId, String username, String password, String externalId) {
        return catalog.createCredential(sourceId, "username_password", username, password, Map.of(), externalId);
    }

    public Credential credential(String credentialId) {
        return catalog.credential(credentialId);
    }

    /**
     * Whether the credential's stored password is {@code password} (e.g. after a {@code PATCH}); the password itself is
     * never handed out. False for a credential without one (auth method {@code none}, or deleted).
     */
    public boolean credentialHasPassword(String credentialId, String password) {
        return catalog.credentialHasPassword(credentialId, password);
    }

    /**
     * Deletes a credential (as {@code DELETE /credentials/{id}}): {@code status} becomes {@code deleted}, the
     * password and source fields are purged, new runs with it are refused. Returns it as it now is.
     */
    public Credential deleteCredential(String credentialId) {
        return changes.credentials().delete(credentialId);
    }

    /** A task with the simulator's default scenario. */
    public Task createTask(String agentId, String name) {
        return createTask(agentId, name, null);
    }

    public Task createTask(String agentId, String name, Scenario scenario) {
        return catalog.createTask(TaskDraft.of(agentId, name, scenario));
    }

    /** A task with the given scenario and {@code settings.timeout_seconds}. */
    public Task createTask(String agentId, String name, Scenario scenario, int timeoutSeconds) {
        return catalog.createTask(
                new TaskDraft(null, name, agentId, null, null, null, null, false, timeoutSeconds, scenario));
    }

    /** Any task the HTTP API could create. */
    public Task createTask(TaskDraft draft) {
        return catalog.createTask(draft);
    }

    public Task task(String taskId) {
        return catalog.task(taskId);
    }

    /** Puts a task back to {@code learning} (as {@code POST /tasks/{id}/reset}) and returns it. */
    public Task resetTask(String taskId) {
        return changes.tasks().reset(taskId);
    }

    /** Deletes a task (as {@code DELETE /tasks/{id}}); its runs stay queryable. */
    public void deleteTask(String taskId) {
        changes.tasks().delete(taskId);
    }

    /** All tasks, newest first. */
    public List<Task> tasks() {
        return catalog.allTasks();
    }

    /** Snapshot of all runs, newest first. */
    public List<TaskRunState> taskRuns() {
        return runs.all();
    }

    public TaskRunState taskRun(String runId) {
        return runs.get(runId);
    }

    public int runCount() {
        return runs.count();
    }

    /** Creates a run without HTTP (bulk test setup); {@code input} may be null. */
    public SimulatorRun startRun(String taskId, Map<String, ?> input) {
        return startRun(taskId, input, null);
    }

    public SimulatorRun startRun(String taskId, Map<String, ?> input, String credentialId) {
        JsonNode json = input == null ? null : Json.toTree(input);
        TaskRunState state = runs.create(new RunDraft(taskId, credentialId, null, null, json, null));
        return new SimulatorRun(this, state.id(), state.taskId());
    }

    public TaskRunState submitInteraction(String runId, Map<String, ?> input) {
        return runs.submitInteraction(runId, Json.toTree(input == null ? Map.of() : input));
    }

    /**
     * The next runs of the task fail with these errors, one run each, in order (after their queue and running time, as
     * a scenario's failure); later runs follow the task's scenario again. {@link #reset()} forgets what is left.
     */
    public void failNextRuns(String taskId, DeckError... errors) {
        runs.failNextRuns(taskId, List.of(errors));
    }

    public TaskRunState cancelRun(String runId) {
        return runs.cancel(runId);
    }

    /** All retained events, newest first. */
    public List<SimulatorEvent> events() {
        List<EventRecord> records = events.all();
        List<SimulatorEvent> list = new ArrayList<>(records.size());
        for (EventRecord e : records) {
            list.add(new SimulatorEvent(e.id(), e.type(), e.createdAt(), e.data().toJson()));
        }
        return list;
    }

    public int eventCount() {
        return events.count();
    }

    /**
     * A webhook destination named after its URL, for the given event types ({@code "*"} = all; null = all), with a
     * generated secret. Webhooks are delivered while the simulator is started.
     */
    public EventDestinationInfo createWebhookDestination(String url, List<String> events) {
        return createWebhookDestination(url, events, null);
    }

    /** A webhook destination with the given signing secret ({@code whsec_…}; null = generated). */
    public EventDestinationInfo createWebhookDestination(String url, List<String> events, String secret) {
        return destinations.create(DestinationDraft.webhook(url, url, events, secret));
    }

    /** All event destinations, newest first. */
    public List<EventDestinationInfo> eventDestinations() {
        return destinations.all();
    }

    public EventDestinationInfo eventDestination(String destinationId) {
        return destinations.get(destinationId);
    }

    /** The current signing secret of a webhook destination (never shown by the HTTP API). */
    public String webhookSecret(String destinationId) {
        return destinations.secret(destinationId);
    }

    /**
     * Replaces the signing secret of a webhook destination ({@code null} = generate one) and returns the new one.
     * For 24 hours of simulated time deliveries carry signatures with both the new and the old secret. Deck documents
     * no endpoint for this, so it is Java only.
     */
    public String rotateWebhookSecret(String destinationId, String newSecretOrNull) {
        return destinations.rotateSecret(destinationId, newSecretOrNull);
    }

    /** Deletes a destination (as {@code DELETE /event-destinations/{id}}); its pending deliveries stop. */
    public void deleteEventDestination(String destinationId) {
        destinations.delete(destinationId);
    }

    /** The finished deliveries to a destination, newest first. */
    public List<EventDeliveryInfo> webhookDeliveries(String destinationId) {
        return destinations.allDeliveries(destinationId);
    }

    /**
     * Applies the transitions due now, then waits until no webhook delivery is queued, waiting for a retry or in
     * flight (returns at once when the simulator is not started).
     *
     * @throws IllegalStateException if deliveries are still pending after {@code timeout}
     */
    public void awaitWebhooksIdle(Duration timeout) {
        engine.processDue();
        WebhookDispatcher dispatcher = currentWebhooks();
        if (dispatcher != null) {
            dispatcher.awaitIdle(timeout);
        }
    }

    private synchronized WebhookDispatcher currentWebhooks() {
        return webhooks;
    }

    @Override
    public String toString() {
        return "DeckSimulator[" + (isRunning() ? baseUrl() : "stopped") + "]";
    }

    /** Configuration of a {@link DeckSimulator}. */
    public static final class Builder {
        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private SimulatorClock clock = SimulatorClock.system();
        private int rateLimit = 200;
        private Duration rateWindow = Duration.ofSeconds(10);
        private int sessionLimit;
        private boolean seedDemoData;
        private String cancelingSpelling = "canceling";
        private int threads = 64;
        private boolean assignSessionOnCreate;
        private Scenario defaultScenario = Scenario.defaults();
        private int eventCapacity = 1_000_000;
        private Duration webhookTimeout = WebhookSettings.DEFAULT_TIMEOUT;
        private Duration webhookBackoff = WebhookSettings.DEFAULT_BACKOFF;
        private int storagePort;
        private Duration storageUrlTtl = Duration.ofHours(1);

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Requests per window for the whole organization (default 200 per 10 s); 0 disables the limit. */
        public Builder rateLimit(int requests, Duration window) {
            if (requests < 0) {
                throw new IllegalArgumentException("requests must not be negative");
            }
            this.rateLimit = requests;
            this.rateWindow = requests == 0 ? Duration.ZERO : Objects.requireNonNull(window, "window");
            return this;
        }

        /** Max runs not yet terminal (queued and canceling included); 0 (default) = unlimited. */
        public Builder sessionLimit(int sessionLimit) {
            if (sessionLimit < 0) {
                throw new IllegalArgumentException("sessionLimit must not be negative");
            }
            this.sessionLimit = sessionLimit;
            return this;
        }

        /** Create the demo agent, source, credential and tasks ({@link DemoData}). */
        public Builder seedDemoData(boolean seed) {
            this.seedDemoData = seed;
            return this;
        }

        /** Wire spelling of the cancel-in-progress status: {@code canceling} (default) or {@code cancelling}. */
        public Builder cancelingSpelling(String spelling) {
            if (!"canceling".equals(spelling) && !"cancelling".equals(spelling)) {
                throw new IllegalArgumentException("canceling or cancelling, not " + spelling);
            }
            this.cancelingSpelling = spelling;
            return this;
        }

        /** HTTP worker threads (default 64). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Give runs their {@code session_id} already in the {@code queued} response (as one doc example shows)
         * instead of when they start running (default).
         */
        public Builder assignSessionOnCreate(boolean assign) {
            this.assignSessionOnCreate = assign;
            return this;
        }

        /** Scenario of tasks created without one (default {@link Scenario#defaults()}). */
        public Builder defaultScenario(Scenario scenario) {
            this.defaultScenario = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        /** Max events retained (default 1,000,000; 30 days of simulated time are kept at most). */
        public Builder eventCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.eventCapacity = capacity;
            return this;
        }

        /** How long a webhook receiver has to answer 2xx before the attempt counts as failed (default 5 s). */
        public Builder webhookTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /**
         * Delay before the first webhook retry (default 5 s); the second and third retries wait 2 and 4 times as long.
         */
        public Builder webhookBackoff(Duration base) {
            if (base.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative");
            }
            this.webhookBackoff = base;
            return this;
        }

        /** Port of the file host on 127.0.0.1; 0 (default) picks a free one. */
        public Builder storagePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.storagePort = port;
            return this;
        }

        /**
         * How long signed storage and screenshot URLs stay valid, on the simulator clock (default 1 hour; Deck does
         * not document it). Every API answer that shows a URL signs a new one.
         */
        public Builder storageUrlTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
            this.storageUrlTtl = ttl;
            return this;
        }

        public DeckSimulator build() {
            Builder copy = new Builder();
            copy.port = port;
            copy.apiKey = apiKey;
            copy.clock = clock;
            copy.rateLimit = rateLimit;
            copy.rateWindow = rateWindow;
            copy.sessionLimit = sessionLimit;
            copy.seedDemoData = seedDemoData;
            copy.cancelingSpelling = cancelingSpelling;
            copy.threads = threads;
            copy.assignSessionOnCreate = assignSessionOnCreate;
            copy.defaultScenario = defaultScenario;
            copy.eventCapacity = eventCapacity;
            copy.webhookTimeout = webhookTimeout;
            copy.webhookBackoff = webhookBackoff;
            copy.storagePort = storagePort;
            copy.storageUrlTtl = storageUrlTtl;
            return new DeckSimulator(copy);
        }
    }
}
