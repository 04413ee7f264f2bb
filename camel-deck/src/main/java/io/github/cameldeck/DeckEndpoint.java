package io.github.cameldeck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.DeckClientSettings;
import io.github.cameldeck.client.RetryPolicy;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
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

    @UriPath(description = "The operation: a producer operation (runTask, submitInteraction, getTaskRun, cancelTaskRun, "
            + "listTaskRuns), the taskRuns polling consumer or the events webhook consumer.")
    @Metadata(required = true)
    private DeckOperation operation;

    @UriParam
    private DeckConfiguration configuration;

    @UriParam
    private DeckEventsConfiguration eventsConfiguration = new DeckEventsConfiguration();

    private static final Set<String> INCLUDE_SECTIONS = Set.of("input", "storage", "artifacts");
    private static final Set<String> OUTCOMES = Set.of("success", "failure", "unknown");

    /** Outlives the consumer, so that stopping and starting a route does not forget what was emitted. */
    private IdempotentRepository defaultIdempotentRepository;
    private volatile DeckClient client;
    private volatile RunWaiter runWaiter;
    private TaskRunQuery taskRunQuery;
    private List<String> eventTypes = List.of();
    private List<String> webhookSecrets = List.of();
    private StandardWebhookVerifier webhookVerifier;

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
        if (operation != DeckOperation.taskRuns) {
            throw new IllegalArgumentException(
                    "deck:" + operation + " is a producer operation; the consumer operations are "
                            + "taskRuns and events");
        }
        DeckTaskRunsConsumer consumer = new DeckTaskRunsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks every option before anything is sent, so a wrong configuration fails the route at start with a message
     * that names the option.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        resolveApiKey();
        BaseUrlCheck.check(configuration.getBaseUrl(), configuration.isAllowInsecure());
        new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
        if (configuration.getLookback() <= 0) {
            throw new IllegalArgumentException("The lookback option must be positive");
        }
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("The maxMessagesPerPoll option must not be negative");
        }
        if (configuration.getWaitTimeout() < 0) {
            throw new IllegalArgumentException("The waitTimeout option must not be negative");
        }
        validateInclude();
        if (operation == DeckOperation.events) {
            validateEvents();
        }
        taskRunQuery = buildTaskRunQuery(operation == DeckOperation.taskRuns ? "completed" : null);
    }

    private void validateEvents() {
        DeckEventsConfiguration events = eventsConfiguration;
        eventTypes = EventsOptions.types(events.getTypes());
        if (configuration.getWebhookSecret() == null || configuration.getWebhookSecret().isBlank()) {
            configuration.setWebhookSecret(System.getenv("DECK_WEBHOOK_SECRET"));
        }
        webhookSecrets = EventsOptions.secrets(configuration.getWebhookSecret());
        EventsOptions.checkPath(events.getWebhookPath());
        if (events.getCatchUpInterval() < 0) {
            throw new IllegalArgumentException("The catchUpInterval option must not be negative");
        }
        if (events.getSignatureTolerance() <= 0) {
            throw new IllegalArgumentException("The signatureTolerance option must be positive");
        }
        if (events.getConcurrentConsumers() < 1) {
            throw new IllegalArgumentException("The concurrentConsumers option must be at least 1");
        }
        if (events.getMaxPendingEvents() < 1) {
            throw new IllegalArgumentException("The maxPendingEvents option must be at least 1");
        }
        webhookVerifier = EventsOptions.verifier(webhookSecrets, events.getSignatureTolerance());
        if (events.isAutoRegister()) {
            EventsOptions.checkPublicUrl(events.getPublicUrl(), configuration.isAllowInsecure());
            if (events.getDestinationName() == null || events.getDestinationName().isBlank()) {
                throw new IllegalArgumentException("The destinationName option must not be empty with autoRegister");
            }
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
        for (String section : splitList(lowerCase(configuration.getInclude()))) {
            if (!INCLUDE_SECTIONS.contains(section)) {
                throw new IllegalArgumentException("The include option has an unknown section '" + section
                        + "'; valid sections are input, storage, artifacts");
            }
        }
    }

    /** The list filters of the options; {@code defaultStatus} applies when the status option is not set. */
    TaskRunQuery buildTaskRunQuery(String defaultStatus) {
        List<String> statuses = new ArrayList<>();
        String status = configuration.getStatus() != null && !configuration.getStatus().isBlank()
                ? configuration.getStatus()
                : defaultStatus;
        for (String value : splitList(status)) {
            try {
                statuses.add(TaskRunStatus.parseUserValue(value).value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The status option: " + e.getMessage());
            }
        }
        List<String> outcomes = splitList(lowerCase(configuration.getOutcome()));
        for (String outcome : outcomes) {
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("The outcome option has an unknown value '" + outcome
                        + "'; valid values are success, failure, unknown");
            }
        }
        if (configuration.getPageSize() < 1 || configuration.getPageSize() > 100) {
            throw new IllegalArgumentException(
                    "The pageSize option must be between 1 and 100, was " + configuration.getPageSize());
        }
        return new TaskRunQuery(statuses, blankToNull(configuration.getTaskId()),
                blankToNull(configuration.getAgentId()),
                blankToNull(configuration.getCredentialId()), splitList(configuration.getSourceId()),
                blankToNull(configuration.getWorkflowId()), outcomes, null, null, configuration.getPageSize());
    }

    static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DeckComponent component = getComponent();
        DeckClientSettings settings = new DeckClientSettings(configuration.getBaseUrl(), configuration.getApiKey(),
                configuration.getConnectTimeout(), configuration.getRequestTimeout());
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
        client = new DeckClient(component.getTransport(), settings, retryPolicy, component.getScheduler());
        runWaiter = new RunWaiter(client, component.getScheduler());
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        runWaiter = null;
        super.doStop();
    }

    DeckClient getClient() {
        DeckClient c = client;
        if (c == null) {
            throw new IllegalStateException("The deck endpoint is not started");
        }
        return c;
    }

    /**
     * The repository a consumer records what it emitted in: the configured one, started with the consumer (a
     * FileIdempotentRepository loads its state then), or the bounded in-memory default, which is kept for the
     * endpoint's lifetime so that stopping a route does not forget what was emitted.
     */
    synchronized IdempotentRepository startIdempotentRepository() {
        IdempotentRepository configured = configuration.getIdempotentRepository();
        if (configured != null) {
            ServiceHelper.startService(configured);
            return configured;
        }
        if (defaultIdempotentRepository == null) {
            defaultIdempotentRepository = MemoryIdempotentRepository
                    .memoryIdempotentRepository(DeckTaskRunsConsumer.DEFAULT_REPOSITORY_SIZE);
            ServiceHelper.startService(defaultIdempotentRepository);
        }
        return defaultIdempotentRepository;
    }

    /** Stops a repository that {@link #startIdempotentRepository()} started for a consumer, except the default. */
    synchronized void stopIdempotentRepository(IdempotentRepository repository) {
        if (repository != null && repository != defaultIdempotentRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    RunWaiter getRunWaiter() {
        return runWaiter;
    }

    TaskRunQuery getTaskRunQuery() {
        return taskRunQuery;
    }

    String getInclude() {
        List<String> sections = splitList(lowerCase(configuration.getInclude()));
        return sections.isEmpty() ? null : String.join(",", sections);
    }

    public DeckOperation getOperation() {
        return operation;
    }

    public void setOperation(DeckOperation operation) {
        this.operation = operation;
    }

    /** events: the types to emit; empty for every type. */
    List<String> getEventTypes() {
        return eventTypes;
    }

    /** events: the signing secrets, newest first. */
    /** events: verifies the deliveries with the webhook secrets and the signature tolerance. */
    StandardWebhookVerifier getWebhookVerifier() {
        return webhookVerifier;
    }

    List<String> getWebhookSecrets() {
        return webhookSecrets;
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
