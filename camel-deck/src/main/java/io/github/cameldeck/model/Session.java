package io.github.cameldeck.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A browser session: created by a run, reusable by the next ones while it lives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Session extends DeckResource {

    private String status;
    private Long runtimeMs;
    private List<TaskRun> taskRuns;

    /** {@code queued}, {@code running}, {@code idle}, {@code completing}, {@code completed} or {@code failed}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getRuntimeMs() {
        return runtimeMs;
    }

    public void setRuntimeMs(Long runtimeMs) {
        this.runtimeMs = runtimeMs;
    }

    /** Its runs, each with id, task_id, agent_id and credential_id only. */
    public List<TaskRun> getTaskRuns() {
        return taskRuns;
    }

    public void setTaskRuns(List<TaskRun> taskRuns) {
        this.taskRuns = taskRuns;
    }

    @Override
    public String toString() {
        return "Session[" + getId() + ", " + status + "]";
    }
}
