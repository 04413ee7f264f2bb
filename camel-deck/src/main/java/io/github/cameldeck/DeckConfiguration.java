package io.github.cameldeck;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the deck component, shared by the component (defaults) and every endpoint (overrides).
 */
@UriParams
public class DeckConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.deck.co/v2";

    @UriParam(label = "security", secret = true, description = "The Deck secret API key (sk_live_...). Sent as a bearer token; never logged. "
            + "When not set, the DECK_API_KEY environment variable is used.")
    private String apiKey;

    @UriParam(label = "security", secret = true, description = "events: the signing secret(s) of Deck's webhook destination (whsec_...), "
            + "comma-separated during a rotation (Deck keeps the old secret valid for 24 hours). Every delivery must carry a "
            + "signature made with one of them. Never logged.")
    private String webhookSecret;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL, description = "The base URL of the Deck API; point it at the simulator or a proxy.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", defaultValue = "false", description = "Allow a plain http baseUrl that is not a loopback address. The API key then travels in clear "
            + "text; use only behind a trusted TLS-terminating proxy.")
    private boolean allowInsecure;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration", description = "How long to wait for a connection to Deck to be established.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration", description = "How long one HTTP call to Deck may take before it is abandoned (and retried).")
    private long requestTimeout = 60_000;

    @UriParam(label = "common", defaultValue = "5", description = "How often a call is retried after 5xx or a network error, with exponential backoff "
            + "(1s doubling, 30s cap, full jitter; Retry-After honoured). 400/401/403/404/409 are never retried; a 429 is "
            + "waited out, not counted (rateLimitTimeout, sessionLimitTimeout). "
            + "POSTs are retried with the same Idempotency-Key, so a retry never starts a second run.")
    private int maxRetries = 5;

    @UriParam(label = "producer", defaultValue = "false", description = "runTask, submitInteraction with waitForCompletion: "
            + "cancel the run when waitTimeout passes before it settles; the exchange then carries the canceled (or "
            + "canceling) run.")
    private boolean cancelOnWaitTimeout;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration", description = "How long one call may wait for the "
            + "organization's request budget (rateLimit), pacing and 429 rate_limit_exceeded answers together, before it "
            + "fails with a DeckApiException that says how long the budget stayed exhausted.")
    private long rateLimitTimeout = 5 * 60_000L;

    @UriParam(label = "advanced", defaultValue = "30m", javaType = "java.time.Duration", description = "runTask: how long a run is tried "
            + "again, with backoff and no thread held, while Deck answers 429 session_limit_exceeded (every agent session "
            + "of the organization in use).")
    private long sessionLimitTimeout = 30 * 60_000L;

    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration", description = "The backoff before the first retry; it doubles with each retry up to retryMaxDelay, and a random "
            + "delay up to that value is taken (full jitter).")
    private long retryInitialDelay = 1_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration", description = "The longest backoff between two retries, also the cap of a Retry-After header.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "filter", description = "listTaskRuns and the taskRuns consumer: the statuses to select, comma-separated (queued, running, "
            + "interaction_required, review_required, canceling, completed, failed, canceled). The taskRuns "
            + "consumer watches completed when not set; listTaskRuns lists every status when not set. "
            + "listCredentials: unverified, verified, invalid, deleted (comma-separated); listTasks: learning, test or "
            + "live; listEventDeliveries: success or failure.")
    private String status;

    @UriParam(label = "filter", description = "listTaskRuns and the taskRuns consumer: only runs of this agent (agt_...). "
            + "listTasks: only this agent's tasks. getAgent, updateAgent, deleteAgent: the agent; createTask: the "
            + "agent_id when the body has none.")
    private String agentId;

    @UriParam(label = "filter", description = "listTaskRuns and the taskRuns consumer: only runs of this workflow (wflo_...).")
    private String workflowId;

    @UriParam(label = "filter", enums = "success,failure,unknown", description = "listTaskRuns and the taskRuns consumer: only runs with these results, comma-separated.")
    private String outcome;

    @UriParam(label = "filter", defaultValue = "100", description = "Every list operation and the taskRuns consumer: how many items one request reads (1 to 100).")
    private int pageSize = 100;

    @UriParam(label = "common", description = "runTask: the id of the task to run (task_...). "
            + "getTask, updateTask, deleteTask, resetTask: the task. "
            + "listTaskRuns and the taskRuns consumer: only runs of this task.")
    private String taskId;

    @UriParam(label = "common", description = "runTask: the credential (cred_...) the agent logs in with. "
            + "getCredential, updateCredential, deleteCredential: the credential. "
            + "listTaskRuns and the taskRuns consumer: only runs with this credential.")
    private String credentialId;

    @UriParam(label = "common", description = "runTask: the source (src_...) to run against. "
            + "createCredential: the source_id when the body has none; getSource, deleteSource: the source. "
            + "listTaskRuns, listCredentials and the taskRuns consumer: only those on these sources, comma-separated.")
    private String sourceId;

    @UriParam(label = "producer", description = "runTask: a live session (sess_...) to reuse. getSession, endSession: the session.")
    private String sessionId;

    @UriParam(label = "producer", description = "submitInteraction, getTaskRun, cancelTaskRun, rerunTaskRun, listStorage, "
            + "listScreenshots, downloadScreenshot: the id of the task run (trun_...). submitInteraction without it answers "
            + "the one waiting run of the credentialId or externalId.")
    private String runId;

    @UriParam(label = "producer", description = "getStorage, downloadStorage: the id of the storage item (stor_...); the "
            + "CamelDeckStorageId header or a StorageItem body (as a split of listStorage hands it) take precedence.")
    private String storageId;

    @UriParam(label = "common", description = "A customer's own id, the external_id of its credential. runTask, "
            + "listTaskRuns, getCredential and the taskRuns and storageItems consumers use the one credential that has it "
            + "(not counting deleted ones; with sourceId, the one at that source); createCredential writes it as "
            + "external_id when the body has none. Looked up with GET /credentials and cached (externalIdCacheTtl).")
    private String externalId;

    @UriParam(label = "advanced", defaultValue = "10m", javaType = "java.time.Duration", description = "How long the "
            + "credential of an external_id, and the external_id of a credential, are remembered (per organization, "
            + "at most 10000 of each). 0 looks them up every time. A credential that Deck refuses as deleted or "
            + "unknown is forgotten at once.")
    private long externalIdCacheTtl = 10 * 60_000L;

    @UriParam(label = "producer", enums = "never,deckErrors", defaultValue = "never", description = "runTask with "
            + "waitForCompletion: deckErrors starts the task again when the run fails with an error of Deck's own "
            + "(types api, session, task, storage), with the same input, credential and source and an Idempotency-Key of "
            + "its own per attempt, up to maxRunAttempts runs; never for auth, request, interaction, source or "
            + "organization errors. Camel's redelivery cannot do this: it sends the same Idempotency-Key, and Deck "
            + "answers with the same failed run.")
    private String rerunOn = "never";

    @UriParam(label = "producer", defaultValue = "3", description = "runTask with rerunOn=deckErrors: the most runs one "
            + "exchange starts, the first included.")
    private int maxRunAttempts = 3;

    @UriParam(label = "producer", description = "getEvent: the id of the event (evt_...).")
    private String eventId;

    @UriParam(label = "producer", description = "getEventDestination, updateEventDestination, deleteEventDestination, "
            + "listEventDeliveries: the id of the event destination (evtd_...).")
    private String destinationId;

    @UriParam(label = "filter", description = "listEvents (and listTaskRuns): only what was created after this instant "
            + "(ISO 8601, e.g. 2026-03-10T00:00:00Z).")
    private String createdAfter;

    @UriParam(label = "filter", description = "listEvents (and listTaskRuns): only what was created before this instant "
            + "(ISO 8601).")
    private String createdBefore;

    @UriParam(label = "producer", defaultValue = "false", description = "List operations: the body is an Iterator that "
            + "reads the next page only when the route has taken every item of the previous one, instead of a List "
            + "of every page; for split().streaming() over lists of any length with one page in memory.")
    private boolean streamList;

    @UriParam(label = "producer", enums = "GET,POST,PUT,PATCH,DELETE", defaultValue = "GET", description = "request: the HTTP method.")
    private String method = "GET";

    @UriParam(label = "producer", description = "request: the path below baseUrl (e.g. /event-types), with an optional "
            + "query string. The call goes through the same key, budget, retries, Idempotency-Key and errors as every "
            + "operation.")
    private String path;

    @UriParam(label = "advanced", defaultValue = "false", description = "downloadStorage, downloadScreenshot, storageItems: hand "
            + "the file on as the open HTTP stream instead of reading it whole first. Faster for large files, but the "
            + "body can be read once, and a download that breaks off fails the route's read (a file: target may keep "
            + "what was written: use its tempFileName option). By default the file is read whole first (in memory up to "
            + "the stream cache's spool threshold, in a temporary file beyond it), its length checked, and a short or "
            + "broken body downloaded again.")
    private boolean disableStreamCache;

    @UriParam(label = "consumer", defaultValue = "true", description = "storageItems: emit each file's bytes (true) or the "
            + "StorageItem with its signed URL, without downloading (false).")
    private boolean download = true;

    @UriParam(label = "producer", description = "The Idempotency-Key of every POST. Default: derived from the exchange id, so a retried or "
            + "redelivered exchange never starts a second run.")
    private String idempotencyKey;

    @UriParam(label = "producer", defaultValue = "false", description = "runTask, submitInteraction, getTaskRun, rerunTaskRun: return only when the run is "
            + "terminal or needs a person (interaction_required, review_required), or waitTimeout passed. No thread is "
            + "held while waiting.")
    private boolean waitForCompletion;

    @UriParam(label = "producer", defaultValue = "30m", javaType = "java.time.Duration", description = "How long waitForCompletion waits; then the run is returned as it is (not an error).")
    private long waitTimeout = 30 * 60_000L;

    @UriParam(label = "common", enums = "input,storage,artifacts", description = "getTaskRun, and events with fetchRun: the optional sections to include, comma-separated (input,storage,artifacts).")
    private String include;

    @UriParam(label = "consumer", defaultValue = "24h", javaType = "java.time.Duration", description = "taskRuns, storageItems and events: how long before its start the consumer looks for what it has not emitted yet: on start "
            + "it emits every run created within lookback that is in a watched status and not in the "
            + "idempotentRepository (events: every event of the watched types, unless the offsetRepository knows where it "
            + "stopped). Must cover the longest task timeout and the longest downtime you want "
            + "to catch up after (Deck keeps events 30 days).")
    private long lookback = 24 * 60 * 60_000L;

    @UriParam(label = "consumer", description = "taskRuns, storageItems and events: remembers what was emitted (taskRuns: one key per run and terminal status, one per "
            + "interaction episode; storageItems: the storage id of each file, and the run's key once all its files are; events: the event id), written only after the exchange completed successfully. Use a persistent one "
            + "(JDBC, Redis, Infinispan, file) so that a restart emits nothing twice. Default: in memory, "
            + "the most recent 10000 keys.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "0", description = "taskRuns: the most exchanges one poll emits; storageItems: the most runs whose files one poll emits (0: no limit); the rest wait for the next poll.")
    private int maxMessagesPerPoll;

    public DeckConfiguration copy() {
        try {
            return (DeckConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public long getLookback() {
        return lookback;
    }

    public void setLookback(long lookback) {
        this.lookback = lookback;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public boolean isCancelOnWaitTimeout() {
        return cancelOnWaitTimeout;
    }

    public void setCancelOnWaitTimeout(boolean cancelOnWaitTimeout) {
        this.cancelOnWaitTimeout = cancelOnWaitTimeout;
    }

    public long getRateLimitTimeout() {
        return rateLimitTimeout;
    }

    public void setRateLimitTimeout(long rateLimitTimeout) {
        this.rateLimitTimeout = rateLimitTimeout;
    }

    public long getSessionLimitTimeout() {
        return sessionLimitTimeout;
    }

    public void setSessionLimitTimeout(long sessionLimitTimeout) {
        this.sessionLimitTimeout = sessionLimitTimeout;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getStorageId() {
        return storageId;
    }

    public void setStorageId(String storageId) {
        this.storageId = storageId;
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public boolean isDisableStreamCache() {
        return disableStreamCache;
    }

    public void setDisableStreamCache(boolean disableStreamCache) {
        this.disableStreamCache = disableStreamCache;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public long getExternalIdCacheTtl() {
        return externalIdCacheTtl;
    }

    public void setExternalIdCacheTtl(long externalIdCacheTtl) {
        this.externalIdCacheTtl = externalIdCacheTtl;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
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

    public boolean isStreamList() {
        return streamList;
    }

    public void setStreamList(boolean streamList) {
        this.streamList = streamList;
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

    public String getRerunOn() {
        return rerunOn;
    }

    public void setRerunOn(String rerunOn) {
        this.rerunOn = rerunOn;
    }

    public int getMaxRunAttempts() {
        return maxRunAttempts;
    }

    public void setMaxRunAttempts(int maxRunAttempts) {
        this.maxRunAttempts = maxRunAttempts;
    }
}
