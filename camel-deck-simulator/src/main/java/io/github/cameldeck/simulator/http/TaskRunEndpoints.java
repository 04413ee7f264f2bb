package io.github.cameldeck.simulator.http;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.FaultInjection;
import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.TaskRunStatus;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.Page;
import io.github.cameldeck.simulator.core.RunDraft;
import io.github.cameldeck.simulator.core.RunFilter;
import io.github.cameldeck.simulator.core.RunService;
import io.github.cameldeck.simulator.files.SignedUrls;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.json.ListJson;
import io.github.cameldeck.simulator.json.SessionJson;
import io.github.cameldeck.simulator.json.StorageJson;
import io.github.cameldeck.simulator.json.TaskRunJson;

import static io.github.cameldeck.simulator.http.CatalogEndpoints.created;
import static io.github.cameldeck.simulator.http.CatalogEndpoints.ok;

/** Running tasks, {@code /v2/task-runs}, {@code /v2/sessions}, {@code /v2/storage}. */
final class TaskRunEndpoints {

    private static final Set<String> OUTCOMES = Set.of("success", "failure", "unknown");

    private final RunService runs;
    private final FaultInjection faults;
    private final SignedUrls urls;

    TaskRunEndpoints(Services services) {
        this.runs = services.runs();
        this.faults = services.faults();
        this.urls = services.urls();
    }

    void register(Router router) {
        router.add("POST", "/v2/tasks/{id}/run", this::runTask);
        router.add("GET", "/v2/task-runs", this::list);
        router.add("GET", "/v2/task-runs/{id}", this::get);
        router.add("POST", "/v2/task-runs/{id}/interaction", this::interaction);
        router.add("POST", "/v2/task-runs/{id}/cancel",
                r -> ok(TaskRunJson.detail(runs.cancel(r.param(0)), TaskRunJson.Includes.NONE, urls, r.requestId()),
                        r));
        router.add("GET", "/v2/task-runs/{id}/storage", this::storage);
        router.add("GET", "/v2/task-runs/{id}/screenshots", this::screenshots);
        router.add("GET", "/v2/storage/{id}", this::storageItem);
        router.add("GET", "/v2/sessions/{id}",
                r -> ok(SessionJson.session(runs.session(r.param(0)), r.requestId()), r));
        router.add("POST", "/v2/sessions/{id}/end",
                r -> ok(SessionJson.session(runs.endSession(r.param(0)), r.requestId()), r));
    }

    private ApiResponse runTask(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        JsonNode input = body.get("input");
        RunDraft draft = new RunDraft(request.param(0), Bodies.optionalText(body, "credential_id"),
                Bodies.optionalText(body, "source_id"), Bodies.optionalText(body, "session_id"),
                input == null || input.isNull() ? null : input, Bodies.optionalText(body, "request_id"));
        return created(TaskRunJson.full(runs.create(draft), request.requestId()), request);
    }

    private ApiResponse list(ApiRequest request) {
        QueryParams q = request.query();
        Set<TaskRunStatus> statuses = EnumSet.noneOf(TaskRunStatus.class);
        for (String s : q.all("status")) {
            statuses.add(TaskRunStatus.fromWire(s).orElseThrow(() -> ApiException.inputInvalid("status",
                    "Unknown status `" + s + "`.")));
        }
        Set<String> outcomes = q.all("outcome");
        for (String o : outcomes) {
            if (!OUTCOMES.contains(o)) {
                throw ApiException.inputInvalid("outcome", "`outcome` must be success, failure or unknown.");
            }
        }
        RunFilter filter = new RunFilter(statuses, q.all("source_id"), outcomes, q.first("agent_id"),
                q.first("credential_id"), q.first("task_id"), q.first("workflow_id"),
                Paging.instant(request, "created_after"), Paging.instant(request, "created_before"),
                q.first("search"));
        boolean faulty = faults.appliesTo(request.routeKey());
        Page<TaskRunState> page = runs.list(filter, Paging.from(request, "task-runs"),
                faulty && faults.offsetCursors(), faulty ? faults.pageShift() : 0);
        return ok(ListJson.page(page, TaskRunJson::listItem, request.requestId()), request);
    }

    private ApiResponse get(ApiRequest request) {
        Set<String> include = request.query().all("include");
        TaskRunJson.Includes includes = new TaskRunJson.Includes(include.contains("input"),
                include.contains("storage"), include.contains("artifacts") || include.contains("screenshots"));
        return ok(TaskRunJson.detail(runs.get(request.param(0)), includes, urls, request.requestId()), request);
    }

    private ApiResponse interaction(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        JsonNode input = body.has("input") ? body.get("input") : body.get("inputs");
        if (input == null || input.isNull()) {
            throw ApiException.inputMissing("input");
        }
        if (!input.isObject()) {
            throw ApiException.inputInvalid("input", "`input` must be an object.");
        }
        return ok(TaskRunJson.full(runs.submitInteraction(request.param(0), input), request.requestId()), request);
    }

    private ApiResponse storage(ApiRequest request) {
        TaskRunState run = runs.get(request.param(0));
        ObjectNode node = Json.object();
        ArrayNode data = node.putArray("data");
        for (StorageItem item : run.storage()) {
            data.add(StorageJson.full(item, urls.storage(item), null));
        }
        return ok(finishList(node, request), request);
    }

    private ApiResponse storageItem(ApiRequest request) {
        StorageItem item = runs.storageItem(request.param(0));
        return ok(StorageJson.full(item, urls.storage(item), request.requestId()), request);
    }

    private ApiResponse screenshots(ApiRequest request) {
        TaskRunState run = runs.get(request.param(0));
        ObjectNode node = Json.object();
        ArrayNode data = node.putArray("data");
        for (Screenshot s : run.screenshots()) {
            data.add(TaskRunJson.screenshot(s, urls.screenshot(run.id(), s)));
        }
        return ok(finishList(node, request), request);
    }

    private static ObjectNode finishList(ObjectNode node, ApiRequest request) {
        node.put("has_more", false);
        node.putNull("next_cursor");
        node.put("request_id", request.requestId());
        return node;
    }
}
