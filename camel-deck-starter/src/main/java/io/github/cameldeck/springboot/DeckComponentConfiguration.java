package io.github.cameldeck.springboot;

import java.time.Duration;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.client.ClusterBudget;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Runs Deck tasks, answers their interactions and consumes their runs.
 * <p>
 * Every option of the deck component, as {@code camel.component.deck.*} properties. Written in the shape of the
 * configuration classes camel-spring-boot generates for its starters; durations are {@link Duration}s so that
 * {@code 30s}, {@code 5m} and plain milliseconds all bind.
 */
@ConfigurationProperties(prefix = "camel.component.deck")
public class DeckComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // declared only so that the configuration processor documents the property inherited from the base class
    /**
     * Whether to enable auto configuration of the deck component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The base URL of the Deck API; point it at the simulator or a proxy.
     */
    private String baseUrl = "https://api.deck.co/v2";

    /**
     * The options every deck endpoint starts from. The option is a io.github.cameldeck.DeckConfiguration type.
     */
    private DeckConfiguration configuration;

    /**
     * How often a call is retried after 5xx or a network error, with exponential backoff (1s doubling, 30s cap, full
     * jitter; Retry-After honoured). 400/401/403/404/409 are never retried; a 429 is waited out, not counted
     * (rateLimitTimeout, sessionLimitTimeout). POSTs are retried with the same Idempotency-Key, so a retry never starts
     * a second run.
     */
    private Integer maxRetries = 5;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * taskRuns, storageItems and events: remembers what was emitted (taskRuns: one key per run and terminal status,
     * one per interaction episode; storageItems: the storage id of each file, and the run's key once all its files
     * are; events: the event id), written only after the exchange completed successfully. Use a persistent one (JDBC,
     * Redis, Infinispan, file) so that a restart emits nothing twice. Default: in memory, the most recent 10000 keys.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * taskRuns, storageItems and events: how long before its start the consumer looks for what it has not emitted
     * yet: on start it
     * emits every run created within lookback that is in a watched status and not in the idempotentRepository
     * (events: every event of the watched types, unless the offsetRepository knows where it stopped). Must cover the
     * longest task timeout and the longest downtime you want to catch up after (Deck keeps events 30 days).
     */
    private Duration lookback = Duration.ofHours(24);

    /**
     * taskRuns: the most exchanges one poll emits; storageItems: the most runs whose files one poll emits (0: no
     * limit); the rest wait for the next poll.
     */
    private Integer maxMessagesPerPoll = 0;

    /**
     * runTask: the credential (cred_...) the agent logs in with. getCredential, updateCredential, deleteCredential: the
     * credential. listTaskRuns and the taskRuns consumer: only runs with this credential.
     */
    private String credentialId;

    /**
     * The Idempotency-Key of every POST. Default: derived from the exchange id, so a retried or redelivered exchange
     * never starts a second run.
     */
    private String idempotencyKey;

    /**
     * getTaskRun, and events with fetchRun: the optional sections to include, comma-separated
     * (input,storage,artifacts).
     */
    private String include;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * submitInteraction, getTaskRun, cancelTaskRun, rerunTaskRun, listStorage, listScreenshots, downloadScreenshot: the
     * id of the task run (trun_...). submitInteraction without it answers the one waiting run of the credentialId or
     * externalId.
     */
    private String runId;

    /**
     * getStorage, downloadStorage: the id of the storage item (stor_...); the CamelDeckStorageId header or a
     * StorageItem body (as a split of listStorage hands it) take precedence.
     */
    private String storageId;

    /**
     * downloadStorage, downloadScreenshot, storageItems: hand the file on as the open HTTP stream instead of reading it
     * whole first. Faster for large files, but the body can be read once, and a download that breaks off fails the
     * route's read (a file: target may keep what was written: use its tempFileName option). By default the file is
     * read whole first (in memory up to the stream cache's spool threshold, in a temporary file beyond it), its length
     * checked, and a short or broken body downloaded again.
     */
    private Boolean disableStreamCache = false;

    /**
     * storageItems: emit each file's bytes (true) or the StorageItem with its signed URL, without downloading (false).
     */
    private Boolean download = true;

    /**
     * runTask: a live session (sess_...) to reuse. getSession, endSession: the session.
     */
    private String sessionId;

    /**
     * runTask: the source (src_...) to run against. createCredential: the source_id when the body has none; getSource,
     * deleteSource: the source. listTaskRuns, listCredentials and the taskRuns consumer: only those on these sources,
     * comma-separated.
     */
    private String sourceId;

    /**
     * runTask: the id of the task to run (task_...). getTask, updateTask, deleteTask, resetTask: the task. listTaskRuns
     * and the taskRuns consumer: only runs of this task.
     */
    private String taskId;

    /**
     * runTask, submitInteraction, getTaskRun, rerunTaskRun: return only when the run is terminal or needs a person
     * (interaction_required, review_required), or waitTimeout passed. No thread is held while waiting.
     */
    private Boolean waitForCompletion = false;

    /**
     * How long waitForCompletion waits; then the run is returned as it is (not an error).
     */
    private Duration waitTimeout = Duration.ofMinutes(30);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The most connections to one host (Deck is one host, so this is usually maxTotalConnections).
     */
    private Integer connectionsPerRoute = 100;

    /**
     * How long to wait for a connection to Deck to be established.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * A camel-http HttpClientConfigurer that customises the Apache HttpClient 5 builder every deck endpoint of this
     * component shares. The option is a org.apache.camel.component.http.HttpClientConfigurer type.
     */
    private HttpClientConfigurer httpClientConfigurer;

    /**
     * The most connections the shared pool keeps open.
     */
    private Integer maxTotalConnections = 100;

    /**
     * How long one HTTP call to Deck may take before it is abandoned (and retried).
     */
    private Duration requestTimeout = Duration.ofSeconds(60);

    /**
     * The backoff before the first retry; it doubles with each retry up to retryMaxDelay, and a random delay up to
     * that value is taken (full jitter).
     */
    private Duration retryInitialDelay = Duration.ofSeconds(1);

    /**
     * The longest backoff between two retries, also the cap of a Retry-After header.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);

    /**
     * runTask, submitInteraction with waitForCompletion: cancel the run when waitTimeout passes before it settles; the
     * exchange then carries the canceled (or canceling) run.
     */
    private Boolean cancelOnWaitTimeout = false;

    /**
     * runTask holds new runs while this many runs started by the application (per organization) are not finished, and
     * starts each as one finishes; a held runTask waits up to sessionLimitTimeout. 0: off.
     */
    private Integer maxConcurrentRuns = 0;

    /**
     * The organization's request budget kept where every instance of the application sees it, so that several JVMs
     * together stay within rateLimit instead of taking it each: e.g. a Bucket4jClusterBudget over a Hazelcast map.
     * Without it, each instance has rateLimit to itself: set rateLimit to the organization's limit divided by the
     * instances. The option is a io.github.cameldeck.client.ClusterBudget type.
     */
    private ClusterBudget clusterBudget;

    /**
     * Deck's request limit, which every endpoint of the application that uses the same base URL and API key (one
     * organization) shares: requests wait for budget instead of drawing 429s. Deck counts 200 per 10 s per
     * organization; lower it when other applications use the same organization. 0: no pacing.
     */
    private Integer rateLimit = 200;

    /**
     * The window rateLimit counts in.
     */
    private Duration rateLimitWindow = Duration.ofSeconds(10);

    /**
     * How long one call may wait for the organization's request budget (rateLimit), pacing and 429
     * rate_limit_exceeded answers together, before it fails with a DeckApiException that says how long the budget
     * stayed exhausted.
     */
    private Duration rateLimitTimeout = Duration.ofMinutes(5);

    /**
     * runTask: how long a run is tried again, with backoff and no thread held, while Deck answers 429
     * session_limit_exceeded (every agent session of the organization in use).
     */
    private Duration sessionLimitTimeout = Duration.ofMinutes(30);

    /**
     * The threads that run retries and waitForCompletion polls for every endpoint of this component; no thread is
     * held while a call waits for its next attempt.
     */
    private Integer workerPoolSize = 10;

    /**
     * listTaskRuns and the taskRuns consumer: only runs of this agent (agt_...). listTasks: only this agent's tasks.
     * getAgent, updateAgent, deleteAgent: the agent; createTask: the agent_id when the body has none.
     */
    private String agentId;

    /**
     * listTaskRuns and the taskRuns consumer: only runs with these results, comma-separated.
     */
    private String outcome;

    /**
     * Every list operation and the taskRuns consumer: how many items one request reads (1 to 100).
     */
    private Integer pageSize = 100;

    /**
     * listTaskRuns and the taskRuns consumer: the statuses to select, comma-separated (queued, running,
     * interaction_required, review_required, canceling, completed, failed, canceled). The taskRuns consumer watches
     * completed when not set; listTaskRuns lists every status when not set. listCredentials: unverified, verified,
     * invalid, deleted (comma-separated); listTasks: learning, test or live; listEventDeliveries: success or failure.
     */
    private String status;

    /**
     * listTaskRuns and the taskRuns consumer: only runs of this workflow (wflo_...).
     */
    private String workflowId;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The HTTP proxy host to reach Deck through.
     */
    private String proxyHost;

    /**
     * The HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * Allow a plain http baseUrl that is not a loopback address. The API key then travels in clear text; use only
     * behind a trusted TLS-terminating proxy.
     */
    private Boolean allowInsecure = false;

    /**
     * The Deck secret API key (sk_live_...). Sent as a bearer token; never logged. When not set, the DECK_API_KEY
     * environment variable is used.
     */
    private String apiKey;

    /**
     * events: the signing secret(s) of Deck's webhook destination (whsec_...), comma-separated during a rotation
     * (Deck keeps the old secret valid for 24 hours). Every delivery must carry a signature made with one of them.
     * Never logged.
     */
    private String webhookSecret;

    /**
     * TLS settings for the connection to Deck. The option is a org.apache.camel.support.jsse.SSLContextParameters
     * type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the global SSL context parameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * getEventDestination, updateEventDestination, deleteEventDestination, listEventDeliveries: the id of the event
     * destination (evtd_...).
     */
    private String destinationId;

    /**
     * getEvent: the id of the event (evt_...).
     */
    private String eventId;

    /**
     * A customer's own id, the external_id of its credential. runTask, listTaskRuns, getCredential and the taskRuns and
     * storageItems consumers use the one credential that has it (not counting deleted ones; with sourceId, the one at
     * that source); createCredential writes it as external_id when the body has none. Looked up with GET /credentials
     * and cached (externalIdCacheTtl).
     */
    private String externalId;

    /**
     * request: the HTTP method.
     */
    private String method = "GET";

    /**
     * request: the path below baseUrl (e.g. /event-types), with an optional query string. The call goes through the
     * same key, budget, retries, Idempotency-Key and errors as every operation.
     */
    private String path;

    /**
     * List operations: the body is an Iterator that reads the next page only when the route has taken every item of the
     * previous one, instead of a List of every page; for split().streaming() over lists of any length with one page in
     * memory.
     */
    private Boolean streamList = false;

    /**
     * How long the credential of an external_id, and the external_id of a credential, are remembered (per organization,
     * at most 10000 of each). 0 looks them up every time. A credential that Deck refuses as deleted or unknown is
     * forgotten at once.
     */
    private Duration externalIdCacheTtl = Duration.ofMinutes(10);

    /**
     * listEvents (and listTaskRuns): only what was created after this instant (ISO 8601, e.g. 2026-03-10T00:00:00Z).
     */
    private String createdAfter;

    /**
     * listEvents (and listTaskRuns): only what was created before this instant (ISO 8601).
     */
    private String createdBefore;

    /**
     * runTask with rerunOn=deckErrors: the most runs one exchange starts, the first included.
     */
    private Integer maxRunAttempts = 3;

    /**
     * runTask with waitForCompletion: deckErrors starts the task again when the run fails with an error of Deck's own
     * (types api, session, task, storage), with the same input, credential and source and an Idempotency-Key of its own
     * per attempt, up to maxRunAttempts runs; never for auth, request, interaction, source or organization errors.
     * Camel's redelivery cannot do this: it sends the same Idempotency-Key, and Deck answers with the same failed run.
     */
    private String rerunOn = "never";

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public DeckConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeckConfiguration configuration) {
        this.configuration = configuration;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Duration getLookback() {
        return lookback;
    }

    public void setLookback(Duration lookback) {
        this.lookback = lookback;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getStorageId() {
        return storageId;
    }

    public void setStorageId(String storageId) {
        this.storageId = storageId;
    }

    public Boolean getDownload() {
        return download;
    }

    public void setDownload(Boolean download) {
        this.download = download;
    }

    public Boolean getDisableStreamCache() {
        return disableStreamCache;
    }

    public void setDisableStreamCache(Boolean disableStreamCache) {
        this.disableStreamCache = disableStreamCache;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(Integer connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Integer getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(Integer maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Boolean getCancelOnWaitTimeout() {
        return cancelOnWaitTimeout;
    }

    public void setCancelOnWaitTimeout(Boolean cancelOnWaitTimeout) {
        this.cancelOnWaitTimeout = cancelOnWaitTimeout;
    }

    public ClusterBudget getClusterBudget() {
        return clusterBudget;
    }

    public void setClusterBudget(ClusterBudget clusterBudget) {
        this.clusterBudget = clusterBudget;
    }

    public Integer getMaxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    public void setMaxConcurrentRuns(Integer maxConcurrentRuns) {
        this.maxConcurrentRuns = maxConcurrentRuns;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Duration getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(Duration rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public Duration getRateLimitTimeout() {
        return rateLimitTimeout;
    }

    public void setRateLimitTimeout(Duration rateLimitTimeout) {
        this.rateLimitTimeout = rateLimitTimeout;
    }

    public Duration getSessionLimitTimeout() {
        return sessionLimitTimeout;
    }

    public void setSessionLimitTimeout(Duration sessionLimitTimeout) {
        this.sessionLimitTimeout = sessionLimitTimeout;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(Boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Boolean getStreamList() {
        return streamList;
    }

    public void setStreamList(Boolean streamList) {
        this.streamList = streamList;
    }

    public Duration getExternalIdCacheTtl() {
        return externalIdCacheTtl;
    }

    public void setExternalIdCacheTtl(Duration externalIdCacheTtl) {
        this.externalIdCacheTtl = externalIdCacheTtl;
    }

    public String getCreatedAfter() {
        return createdAfter;
    }

    public void setCreatedAfter(String createdAfter) {
        this.createdAfter = createdAfter;
    }

    public String getCreatedBefore() {
        return createdBefore;
    }

    public void setCreatedBefore(String createdBefore) {
        this.createdBefore = createdBefore;
    }

    public Integer getMaxRunAttempts() {
        return maxRunAttempts;
    }

    public void setMaxRunAttempts(Integer maxRunAttempts) {
        this.maxRunAttempts = maxRunAttempts;
    }

    public String getRerunOn() {
        return rerunOn;
    }

    public void setRerunOn(String rerunOn) {
        this.rerunOn = rerunOn;
    }
}
