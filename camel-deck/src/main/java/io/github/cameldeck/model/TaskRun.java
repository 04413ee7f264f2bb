package io.github.cameldeck.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A task run: one execution of a Deck task. Every field of Deck's {@code task_run} object, typed; fields Deck adds later
 * are kept in {@link #getAdditionalProperties()}. {@code input}, {@code output} and storage {@code extraction} are plain
 * maps and lists, so Simple reads them without casts: {@code ${body.output[amount]}}.
 */
@JsonPropertyOrder({"id", "object", "status", "result", "task_id", "credential_id", "session_id", "workflow_id",
        "agent_id",
        "source_id", "runtime_ms", "errors", "interaction", "canceled_at", "created_at", "updated_at", "input",
        "output", "storage", "artifacts", "request_id"})
public class TaskRun extends DeckResource {

    private String statusValue;
    private String result;
    private String taskId;
    private String credentialId;
    private String sessionId;
    private String workflowId;
    private String agentId;
    private String sourceId;
    private Long runtimeMs;
    private List<DeckError> errors = new ArrayList<>();
    private Interaction interaction;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime canceledAt;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Object input;
    private Object output;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private List<StorageItem> storage;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Artifacts artifacts;

    /**
     * The status, read leniently ({@code canceling} and {@code cancelling} are both {@link TaskRunStatus#CANCELING}; a
     * value this version does not know is {@link TaskRunStatus#UNRECOGNIZED}).
     */
    @JsonIgnore
    public TaskRunStatus getStatus() {
        return TaskRunStatus.fromValue(statusValue);
    }

    @JsonIgnore
    public void setStatus(TaskRunStatus status) {
        this.statusValue = status != null ? status.value() : null;
    }

    /** The status exactly as Deck sent it. */
    @JsonProperty("status")
    public String getStatusValue() {
        return statusValue;
    }

    @JsonProperty("status")
    public void setStatusValue(String statusValue) {
        this.statusValue = statusValue;
    }

    /** {@code success}, {@code failure} or {@code unknown}; null until the run finished. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** Whether the run can no longer change (completed, failed, canceled). */
    @JsonIgnore
    public boolean isTerminal() {
        TaskRunStatus status = getStatus();
        return status != null && status.isTerminal();
    }

    /** Whether the run waits for a person: an interaction to answer or a review. */
    @JsonIgnore
    public boolean isWaitingForPerson() {
        TaskRunStatus status = getStatus();
        return status != null && status.isWaitingForPerson();
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

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public Long getRuntimeMs() {
        return runtimeMs;
    }

    public void setRuntimeMs(Long runtimeMs) {
        this.runtimeMs = runtimeMs;
    }

    public List<DeckError> getErrors() {
        return errors;
    }

    public void setErrors(List<DeckError> errors) {
        this.errors = errors != null ? errors : new ArrayList<>();
    }

    public Interaction getInteraction() {
        return interaction;
    }

    public void setInteraction(Interaction interaction) {
        this.interaction = interaction;
    }

    public OffsetDateTime getCanceledAt() {
        return canceledAt;
    }

    public void setCanceledAt(OffsetDateTime canceledAt) {
        this.canceledAt = canceledAt;
    }

    /** The run's input: only present when Deck returned it ({@code include=input}, list items, run responses). */
    public Object getInput() {
        return input;
    }

    public void setInput(Object input) {
        this.input = input;
    }

    /** The output, matching the task's output schema; set when the run completed. */
    public Object getOutput() {
        return output;
    }

    public void setOutput(Object output) {
        this.output = output;
    }

    /** The stored files; only present when Deck returned them. */
    public List<StorageItem> getStorage() {
        return storage;
    }

    public void setStorage(List<StorageItem> storage) {
        this.storage = storage;
    }

    /** Screenshots and reasoning; only present with {@code include=artifacts}. */
    public Artifacts getArtifacts() {
        return artifacts;
    }

    public void setArtifacts(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    /** Backwards compatibility: older revisions of the API called the artifacts {@code screenshots}. */
    @JsonProperty("screenshots")
    private void setLegacyScreenshots(List<Screenshot> screenshots) {
        if (artifacts == null) {
            artifacts = new Artifacts();
        }
        artifacts.setScreenshots(screenshots);
    }

    @Override
    public String toString() {
        return "TaskRun[" + getId() + ", " + statusValue + (result != null ? ", " + result : "") + ", task " + taskId
                + "]";
    }
}
