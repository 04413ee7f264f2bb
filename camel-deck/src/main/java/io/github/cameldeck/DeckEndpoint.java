package io.github.cameldeck;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.cameldeck.client.CredentialDirectory;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.DeckClientObserver;
import io.github.cameldeck.client.DeckClientSettings;
import io.github.cameldeck.client.RetryPolicy;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunWatcher;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.events.DeckEventsConsumer;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.storageitems.DeckStorageItemsConsumer;
import io.github.cameldeck.support.BaseUrlCheck;
import io.github.cameldeck.support.EmittedLedger;
import io.github.cameldeck.support.OptionValues;
import io.github.cameldeck.support.Organization;
import io.github.cameldeck.taskruns.DeckTaskRunsConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Runs Deck tasks, answers their interactions and consumes their runs.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "deck", title = "Deck", syntax = "deck:operation", category = {
        Category.AI}, headersClass = DeckConstants.class)
public class DeckEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The operation: a producer operation (runTask, getTaskRun, createCredential, listTasks, "
            + "request, ...: every operation is listed in the guide), the taskRuns or storageItems polling consumer, or "
            + "the events webhook consumer.")
    @Metadata(required = true)
    private DeckOperation operation;

    @UriParam
    private DeckConfiguration configuration;

    @UriParam
    private DeckEventsConfiguration eventsConfiguration = new DeckEventsConfiguration();

    private static final Set<String> INCLUDE_SECTIONS = Set.of("input", "storage", "artifacts");
    private static final Set<String> OUTCOMES = Set.of("success", "failure", "unknown");

    /** How many keys the default idempotent repository of a consumer remembers. */
    public static final int DEFAULT_IDEMPOTENT_REPOSITORY_SIZE = 10_000;

    /** Outlives the consumer, so that stopping and starting a route does not forget what was emitted. */
    private IdempotentRepository defaultIdempotentRepository;
    private volatile DeckClient client;
    private volatile Organization organization;
    private TaskRunQuery taskRunQuery;

    public DeckEndpoint(String uri, DeckComponent component, DeckOperation operation, DeckConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public DeckComponent getComponent() {
        return (DeckComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!operation.isProducer()) {
            throw new IllegalArgumentException(
                    "deck:" + operation + " is a consumer operation; producer operations are: "
                            + DeckOperation.validNames());
        }
        return new DeckProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation == DeckOperation.events) {
            DeckEventsConsumer consumer = new DeckEventsConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        if (operation != DeckOperation.taskRuns && operation != DeckOperation.storageItems) {
            throw new IllegalArgumentException(
                    "deck:" + operation + " is a producer operation; the consumer operations are "
                            + "taskRuns, storageItems and events");
        }
        DeckTaskRunsConsumer consumer = operation == DeckOperation.storageItems
                ? new DeckStorageItemsConsumer(this, processor)
                : new DeckTaskRunsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the options every operation shares before anything is sent, so a wrong configuration fails the route at
     * start with a message that names the option; each consumer checks its own options when it is created.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        resolveApiKey();
        BaseUrlCheck.check(configuration.getBaseUrl(), configuration.isAllowInsecure());
        retryPolicy();
        if (configuration.getLookback() <= 0) {
            throw new IllegalArgumentException("The lookback option must be positive");
        }
        if (getComponent().getMaxConcurrentRuns() < 0) {
            throw new IllegalArgumentException("The maxConcurrentRuns option must not be negative (0 turns it off)");
        }
        if (configuration.getWaitTimeout() < 0) {
            throw new IllegalArgumentException("The waitTimeout option must not be negative");
        }
        validateInclude();
        if (operation == DeckOperation.storageItems && configuration.getStatus() != null
                && !configuration.getStatus().isBlank()
                && !configuration.getStatus().trim().equalsIgnoreCase("completed")) {
            throw new IllegalArgumentException(
                    "The storageItems consumer emits the files of completed runs; its status "
                            + "option can only be completed, not '" + configuration.getStatus() + "'");
        }
        // the filters of the other list operations have their own values: they are checked by their producer
        if (operation == DeckOperation.taskRuns || operation == DeckOperation.storageItems) {
            taskRunQuery = buildTaskRunQuery("completed");
        } else if (operation == DeckOperation.listTaskRuns) {
            taskRunQuery = buildTaskRunQuery(null);
        }
    }

    private void resolveApiKey() {
        String key = configuration.getApiKey();
        if (key == null || key.isBlank()) {
            key = System.getenv("DECK_API_KEY");
            configuration.setApiKey(key);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    "No Deck API key: set the apiKey option (on the endpoint or the deck component), "
                            + "or the DECK_API_KEY environment variable");
        }
    }

    private void validateInclude() {
        for (String section : OptionValues.splitLowerCaseList(configuration.getInclude())) {
            if (!INCLUDE_SECTIONS.contains(section)) {
                throw new IllegalArgumentException("The include option has an unknown section '" + section
                        + "'; valid sections are input, storage, artifacts");
            }
        }
    }

    /** The list filters of the options; {@code defaultStatus} applies when the status option is not set. */
    private TaskRunQuery buildTaskRunQuery(String defaultStatus) {
        List<String> statuses = new ArrayList<>();
        String status = configuration.getStatus() != null && !configuration.getStatus().isBlank()
                ? configuration.getStatus()
                : defaultStatus;
        for (String value : OptionValues.splitList(status)) {
            try {
                statuses.add(TaskRunStatus.parseUserValue(value).value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The status option: " + e.getMessage());
            }
        }
        List<String> outcomes = OptionValues.splitLowerCaseList(configuration.getOutcome());
        for (String outcome : outcomes) {
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("The outcome option has an unknown value '" + outcome
                        + "'; valid values are success, failure, unknown");
            }
        }
        return new TaskRunQuery(statuses, OptionValues.blankToNull(configuration.getTaskId()),
                OptionValues.blankToNull(configuration.getAgentId()),
                OptionValues.blankToNull(configuration.getCredentialId()),
                OptionValues.splitList(configuration.getSourceId()),
                OptionValues.blankToNull(configuration.getWorkflowId()), outcomes,
                defaultStatus == null ? OptionValues.instant("createdAfter", configuration.getCreatedAfter()) : null,
                defaultStatus == null ? OptionValues.instant("createdBefore", configuration.getCreatedBefore()) : null,
                configuration.getPageSize());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DeckComponent component = getComponent();
        DeckClientSettings settings = new DeckClientSettings(configuration.getBaseUrl(), configuration.getApiKey(),
                configuration.getConnectTimeout(), configuration.getRequestTimeout());
        organization = component.getOrganization(configuration.getBaseUrl(), configuration.getApiKey());
        client = new DeckClient(component.getTransport(), settings, retryPolicy(), component.getScheduler(),
                organization.budget(), organization.activity());
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay(), configuration.getRateLimitTimeout(),
                configuration.getSessionLimitTimeout());
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        organization = null;
        super.doStop();
    }

    /**
     * The client of this endpoint's calls to Deck.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public DeckClient getClient() {
        DeckClient c = client;
        if (c == null) {
            throw new IllegalStateException("The deck endpoint is not started");
        }
        return c;
    }

    /**
     * The ledger a consumer records what it emitted in: over the configured idempotentRepository, started now (a
     * FileIdempotentRepository loads its state then) and stopped when the ledger closes; or over the bounded in-memory
     * default, which is kept for the endpoint's lifetime so that stopping a route does not forget what was emitted.
     */
    public synchronized EmittedLedger openLedger() {
        IdempotentRepository configured = configuration.getIdempotentRepository();
        if (configured != null) {
            ServiceHelper.startService(configured);
            return new EmittedLedger(configured, true);
        }
        if (defaultIdempotentRepository == null) {
            defaultIdempotentRepository = MemoryIdempotentRepository
                    .memoryIdempotentRepository(DEFAULT_IDEMPOTENT_REPOSITORY_SIZE);
            ServiceHelper.startService(defaultIdempotentRepository);
        }
        return new EmittedLedger(defaultIdempotentRepository, false);
    }

    /**
     * The watcher that every waitForCompletion of this endpoint's organization shares in the CamelContext.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public RunWatcher getRunWatcher() {
        DeckClient c = getClient();
        return organization().watcher(() -> new RunWatcher(c, getComponent().getScheduler(), Clock.systemUTC()));
    }

    /**
     * maxConcurrentRuns: the slots of this endpoint's organization; null when the option is off.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public RunSlots getRunSlots() {
        int max = getComponent().getMaxConcurrentRuns();
        return max == 0 ? null : organization().slots(max);
    }

    /**
     * The external ids of this endpoint's organization's credentials.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public CredentialDirectory getCredentialDirectory() {
        return organization().credentials();
    }

    /**
     * The one credential that has the external id (at {@code sourceId} when not null), looked up through the
     * organization's {@link CredentialDirectory}.
     */
    public CompletableFuture<String> credentialIdOf(String externalId, String sourceId) {
        return getCredentialDirectory().credentialIdOf(getClient(), externalId, sourceId,
                configuration.getExternalIdCacheTtl());
    }

    /** The external id of the run's credential; null when the run has no credential or the credential no external id. */
    public CompletableFuture<String> externalIdOf(TaskRun run) {
        return externalIdOfCredential(run.getCredentialId());
    }

    /** The external id of the credential; null when {@code credentialId} is null or empty or it has none. */
    public CompletableFuture<String> externalIdOfCredential(String credentialId) {
        if (credentialId == null || credentialId.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return getCredentialDirectory().externalIdOf(getClient(), credentialId,
                configuration.getExternalIdCacheTtl());
    }

    /**
     * The Deck organization of this endpoint's base URL and key in the CamelContext.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public Organization getOrganization() {
        return organization();
    }

    /**
     * What this endpoint's consumers report (exchanges created, webhooks refused): the organization's activity, which
     * passes it on to its observers.
     *
     * @throws IllegalStateException when the endpoint is not started
     */
    public DeckClientObserver getObserver() {
        return organization().activity();
    }

    private Organization organization() {
        Organization o = organization;
        if (o == null) {
            throw new IllegalStateException("The deck endpoint is not started");
        }
        return o;
    }

    /**
     * The list filters of the options (listTaskRuns, the taskRuns consumer); for an endpoint of another operation
     * (listTaskRuns named by the CamelDeckOperation header), built on first use.
     */
    public synchronized TaskRunQuery getTaskRunQuery() {
        if (taskRunQuery == null) {
            taskRunQuery = buildTaskRunQuery(null);
        }
        return taskRunQuery;
    }

    /** The include option as Deck reads it (lower case, comma-separated), or null. */
    public String getInclude() {
        List<String> sections = OptionValues.splitLowerCaseList(configuration.getInclude());
        return sections.isEmpty() ? null : String.join(",", sections);
    }

    public DeckOperation getOperation() {
        return operation;
    }

    public void setOperation(DeckOperation operation) {
        this.operation = operation;
    }

    public DeckEventsConfiguration getEventsConfiguration() {
        return eventsConfiguration;
    }

    public void setEventsConfiguration(DeckEventsConfiguration eventsConfiguration) {
        this.eventsConfiguration = eventsConfiguration;
    }

    public DeckConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeckConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
