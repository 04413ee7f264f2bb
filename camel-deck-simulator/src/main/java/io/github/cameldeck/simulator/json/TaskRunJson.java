package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.files.SignedUrls;
import io.github.cameldeck.simulator.util.Timestamps;

/**
 * Renders task runs in the shapes of the examples: the full field set with nulls for the run-a-task and interaction
 * responses and list items; optional {@code input}/{@code storage}/{@code artifacts} sections (absent, not null,
 * without their include flag) for {@code GET /task-runs/{id}}.
 */
public final class TaskRunJson {

    /** Which optional sections {@code GET /task-runs/{id}} includes. */
    public record Includes(boolean input, boolean storage, boolean artifacts) {
        public static final Includes NONE = new Includes(false, false, false);
    }

    private TaskRunJson() {
    }

    /** Response of {@code POST /tasks/{id}/run} and {@code POST /task-runs/{id}/interaction}. */
    public static ObjectNode full(TaskRunState run, String requestId) {
        ObjectNode node = listItem(run);
        node.put("request_id", requestId);
        return node;
    }

    /** An item of {@code GET /task-runs}: input, output and storage summaries; no request_id, no artifacts. */
    public static ObjectNode listItem(TaskRunState run) {
        ObjectNode node = core(run);
        node.set("input", run.input());
        node.set("output", run.output());
        ArrayNode storage = node.putArray("storage");
        for (StorageItem item : run.storage()) {
            storage.add(StorageJson.summary(item));
        }
        return node;
    }

    /**
     * {@code GET /task-runs/{id}} (and the cancel response, with no includes); storage and screenshot URLs are signed
     * afresh by {@code urls}.
     */
    public static ObjectNode detail(TaskRunState run, Includes includes, SignedUrls urls, String requestId) {
        ObjectNode node = core(run);
        if (includes.input()) {
            node.set("input", run.input());
        }
        node.set("output", run.output());
        if (includes.storage()) {
            ArrayNode storage = node.putArray("storage");
            for (StorageItem item : run.storage()) {
                storage.add(StorageJson.summary(item, urls.storage(item)));
            }
        }
        if (includes.artifacts()) {
            ObjectNode artifacts = node.putObject("artifacts");
            ArrayNode screenshots = artifacts.putArray("screenshots");
            for (Screenshot s : run.screenshots()) {
                screenshots.add(screenshot(s, urls.screenshot(run.id(), s)));
            }
        }
        node.put("request_id", requestId);
        return node;
    }

    private static ObjectNode core(TaskRunState run) {
        ObjectNode node = Json.object();
        node.put("id", run.id());
        node.put("object", "task_run");
        node.put("status", run.status());
        node.put("result", run.result());
        node.put("task_id", run.taskId());
        node.put("credential_id", run.credentialId());
        node.put("session_id", run.sessionId());
        node.put("workflow_id", run.workflowId());
        node.put("agent_id", run.agentId());
        node.put("source_id", run.sourceId());
        node.put("runtime_ms", run.runtimeMs());
        ArrayNode errors = node.putArray("errors");
        for (DeckError e : run.errors()) {
            errors.add(ErrorJson.error(e));
        }
        node.set("interaction", run.interaction() == null ? null : run.interaction().toWireJson());
        node.put("canceled_at", Timestamps.format(run.canceledAt()));
        node.put("created_at", Timestamps.format(run.createdAt()));
        node.put("updated_at", Timestamps.format(run.updatedAt()));
        return node;
    }

    public static ObjectNode screenshot(Screenshot s, String url) {
        ObjectNode node = Json.object();
        node.put("file_name", s.fileName());
        node.put("file_type", Screenshot.FILE_TYPE);
        node.put("file_size", s.fileSize());
        node.put("created_at", Timestamps.format(s.createdAt()));
        node.put("url", url);
        node.put("reasoning", s.reasoning());
        return node;
    }
}
