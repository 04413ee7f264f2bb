package io.github.cameldeck;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the deck component.
 */
public final class DeckConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation of the endpoint URI.", javaType = "String")
    public static final String OPERATION = "CamelDeckOperation";

    @Metadata(description = "The id of the task (task_...). In: overrides the taskId option of runTask. "
            + "Out: the task of the run.", javaType = "String")
    public static final String TASK_ID = "CamelDeckTaskId";

    @Metadata(description = "The credential (cred_...). In: the credential a runTask logs in with, and the one getCredential, "
            + "updateCredential, deleteCredential act on (overrides the credentialId option). Out: the credential "
            + "createCredential created or a credential operation returned.", javaType = "String")
    public static final String CREDENTIAL_ID = "CamelDeckCredentialId";

    @Metadata(description = "The source (src_...). In: the source a runTask runs against, a createCredential's source_id, "
            + "the source getSource and deleteSource act on (overrides the sourceId option). Out: the source "
            + "createSource created or getSource returned.", javaType = "String")
    public static final String SOURCE_ID = "CamelDeckSourceId";

    @Metadata(description = "The session (sess_...). In: a live session for runTask to reuse (overrides the sessionId option). "
            + "Out: the session of the run.", javaType = "String")
    public static final String SESSION_ID = "CamelDeckSessionId";

    @Metadata(description = "The id of the task run (trun_...). In: overrides the runId option of submitInteraction, "
            + "getTaskRun and cancelTaskRun. Out: the run the message carries.", javaType = "String")
    public static final String RUN_ID = "CamelDeckRunId";

    @Metadata(label = "producer", description = "The Idempotency-Key sent with a POST; overrides the idempotencyKey option. "
            + "Default: derived from the exchange id.", javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelDeckIdempotencyKey";

    @Metadata(description = "The status of the run, as Deck's wire value (completed, interaction_required, ...).", javaType = "String")
    public static final String RUN_STATUS = "CamelDeckRunStatus";

    @Metadata(description = "The result of the run, as Deck's wire value (success, failure, unknown); absent until it finished.", javaType = "String")
    public static final String RUN_RESULT = "CamelDeckRunResult";

    @Metadata(description = "The request_id of the Deck response, to quote to Deck support.", javaType = "String")
    public static final String REQUEST_ID = "CamelDeckRequestId";

    @Metadata(label = "producer", description = "list operations: the cursor of the page to read; when set (empty for the first page), one page is read.", javaType = "String")
    public static final String CURSOR = "CamelDeckCursor";

    @Metadata(label = "producer", description = "list operations: the cursor of the next page, absent on the last page.", javaType = "String")
    public static final String NEXT_CURSOR = "CamelDeckNextCursor";

    @Metadata(label = "producer", description = "list operations: whether more pages follow the one returned.", javaType = "Boolean")
    public static final String HAS_MORE = "CamelDeckHasMore";

    @Metadata(description = "The id of the event (evt_...), which is also Deck's webhook-id. In: the event getEvent reads "
            + "(overrides the eventId option). Out: the event the message carries (events, getEvent).", javaType = "String")
    public static final String EVENT_ID = "CamelDeckEventId";

    @Metadata(label = "consumer", description = "events: the type of the event (task_run.completed, ...).", javaType = "String")
    public static final String EVENT_TYPE = "CamelDeckEventType";

    @Metadata(label = "consumer", description = "events: when Deck recorded the event; deliveries may arrive out of order, "
            + "order by this.", javaType = "java.time.OffsetDateTime")
    public static final String EVENT_CREATED_AT = "CamelDeckEventCreatedAt";

    @Metadata(label = "consumer", description = "events: how the event reached the consumer: webhook (pushed by Deck) or "
            + "catchUp (read from Deck's event log).", javaType = "String")
    public static final String EVENT_SOURCE = "CamelDeckEventSource";

    @Metadata(description = "The id of the storage item (stor_...). In: overrides the storageId option of getStorage and "
            + "downloadStorage. Out: the file the message carries.", javaType = "String")
    public static final String STORAGE_ID = "CamelDeckStorageId";

    @Metadata(description = "The size of the file in bytes, as Deck reports it (file_size).", javaType = "Long")
    public static final String FILE_SIZE = "CamelDeckFileSize";

    @Metadata(description = "What Deck extracted from the file (the storage item's extraction), as a Map or List; absent "
            + "when the task has no extraction.", javaType = "Object")
    public static final String EXTRACTION = "CamelDeckExtraction";

    @Metadata(description = "The file's name as Deck stored it, reduced to a safe last path segment (downloadStorage, "
            + "downloadScreenshot, storageItems).", javaType = "String")
    public static final String FILE_NAME = "CamelFileName";

    @Metadata(description = "The file's MIME type (downloadStorage, downloadScreenshot, storageItems).", javaType = "String")
    public static final String CONTENT_TYPE = "Content-Type";

    @Metadata(description = "The file's length in bytes (downloadStorage, downloadScreenshot, storageItems).", javaType = "Long")
    public static final String CONTENT_LENGTH = "Content-Length";

    @Metadata(description = "The agent (agt_...). In: the agent getAgent, updateAgent, deleteAgent act on, and a createTask's "
            + "agent_id (overrides the agentId option). Out: the agent createAgent created or an agent operation "
            + "returned.", javaType = "String")
    public static final String AGENT_ID = "CamelDeckAgentId";

    @Metadata(description = "The event destination (evtd_...). In: the destination getEventDestination, "
            + "updateEventDestination, deleteEventDestination, listEventDeliveries act on (overrides the destinationId "
            + "option). Out: the destination a destination operation returned.", javaType = "String")
    public static final String DESTINATION_ID = "CamelDeckDestinationId";

    @Metadata(description = "A customer's own id: the external_id of its credential. In: runTask, listTaskRuns, "
            + "getCredential find the credential by it (overrides the externalId option); createCredential writes it "
            + "as external_id. Out: the external_id of the credential of the run or credential the message carries.", javaType = "String")
    public static final String EXTERNAL_ID = "CamelDeckExternalId";

    @Metadata(label = "producer", description = "request: the HTTP method (GET, POST, PUT, PATCH, DELETE); overrides the "
            + "method option.", javaType = "String")
    public static final String METHOD = "CamelDeckMethod";

    @Metadata(label = "producer", description = "request: the path below baseUrl, e.g. /event-types, with an optional "
            + "query string; overrides the path option.", javaType = "String")
    public static final String PATH = "CamelDeckPath";

    @Metadata(description = "The kind of input a run waiting for a person needs: the interaction's type (mfa, "
            + "security_question, account_selection, ... an open set), or review for a run in review_required. Set on "
            + "every exchange that carries such a run; absent otherwise.", javaType = "String")
    public static final String INTERACTION_TYPE = "CamelDeckInteractionType";

    @Metadata(description = "The question of a run waiting for a person, as the source asked it (e.g. Enter the 6-digit "
            + "code sent to your phone), to show the customer.", javaType = "String")
    public static final String INTERACTION_MESSAGE = "CamelDeckInteractionMessage";

    @Metadata(description = "The names of the fields the interaction asks for, comma-separated (e.g. code): the keys of "
            + "submitInteraction's body. In: submitInteraction checks the body's keys against it.", javaType = "String")
    public static final String INTERACTION_FIELDS = "CamelDeckInteractionFields";

    @Metadata(label = "producer", description = "runTask with rerunOn, rerunTaskRun: which attempt the run carried is (1: the "
            + "first run of the exchange).", javaType = "Integer")
    public static final String RUN_ATTEMPT = "CamelDeckRunAttempt";

    @Metadata(label = "producer", description = "runTask with rerunOn, rerunTaskRun: the ids of the runs the carried run "
            + "was started again after, oldest first; absent when it is the first.", javaType = "java.util.List<String>")
    public static final String PREVIOUS_RUN_IDS = "CamelDeckPreviousRunIds";

    private DeckConstants() {
    }
}
