package io.github.cameldeck.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.core.AgentPatch;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.AuthCredentials;
import io.github.cameldeck.simulator.core.CatalogChanges;
import io.github.cameldeck.simulator.core.CatalogService;
import io.github.cameldeck.simulator.core.Change;
import io.github.cameldeck.simulator.core.CredentialPatch;
import io.github.cameldeck.simulator.core.SourcePatch;
import io.github.cameldeck.simulator.core.TaskPatch;
import io.github.cameldeck.simulator.json.CatalogJson;

import static io.github.cameldeck.simulator.http.CatalogEndpoints.ok;

/**
 * {@code PATCH} and {@code DELETE} of {@code /v2/agents/{id}}, {@code /v2/sources/{id}}, {@code /v2/credentials/{id}},
 * {@code /v2/tasks/{id}}, and {@code POST /v2/tasks/{id}/reset}. A PATCH body holds only the fields to change.
 */
final class CatalogChangeEndpoints {

    private final CatalogService catalog;
    private final CatalogChanges changes;

    CatalogChangeEndpoints(Services services) {
        this.catalog = services.catalog();
        this.changes = services.changes();
    }

    void register(Router router) {
        router.add("PATCH", "/v2/agents/{id}", this::updateAgent);
        router.add("DELETE", "/v2/agents/{id}", r -> {
            changes.agents().delete(r.param(0));
            return ok(CatalogJson.deleted(r.param(0), "agent", r.requestId()), r);
        });
        router.add("PATCH", "/v2/sources/{id}", this::updateSource);
        router.add("DELETE", "/v2/sources/{id}", r -> {
            changes.sources().delete(r.param(0));
            return ok(CatalogJson.deleted(r.param(0), "source", r.requestId()), r);
        });
        router.add("PATCH", "/v2/credentials/{id}", this::updateCredential);
        router.add("DELETE", "/v2/credentials/{id}",
                r -> ok(CatalogJson.credential(changes.credentials().delete(r.param(0)), r.requestId()), r));
        router.add("PATCH", "/v2/tasks/{id}", this::updateTask);
        router.add("DELETE", "/v2/tasks/{id}", r -> {
            changes.tasks().delete(r.param(0));
            return ok(CatalogJson.deleted(r.param(0), "task", r.requestId()), r);
        });
        router.add("POST", "/v2/tasks/{id}/reset",
                r -> ok(CatalogJson.task(changes.tasks().reset(r.param(0)), r.requestId()), r));
    }

    private ApiResponse updateAgent(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        AgentPatch patch = new AgentPatch(Bodies.textChange(body, "name"), Bodies.textChange(body, "description"));
        return ok(CatalogJson.agent(changes.agents().update(request.param(0), patch), request.requestId()), request);
    }

    private ApiResponse updateSource(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        Bodies.optionalObject(body, "website");
        SourcePatch patch = new SourcePatch(Bodies.textChange(body, "name"), Bodies.textChange(body, "website.url"));
        return ok(CatalogJson.source(changes.sources().update(request.param(0), patch), request.requestId()),
                request);
    }

    private ApiResponse updateCredential(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        Credential current = catalog.credential(request.param(0));
        if (current.isDeleted()) {
            throw ApiException.credentialDeleted(current.id(), null);
        }
        AuthCredentials auth = Bodies.optionalObject(body, "auth_credentials") == null
                ? null
                : CredentialBodies.authCredentials(body, current.authMethod());
        Change<String> externalId = Bodies.textChange(body, "external_id");
        CredentialBodies.externalId(externalId.value());
        Credential changed = changes.credentials().update(current.id(), new CredentialPatch(auth, externalId));
        return ok(CatalogJson.credential(changed, request.requestId()), request);
    }

    private ApiResponse updateTask(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        String id = request.param(0);
        rejectChange(body, "id", id);
        rejectChange(body, "agent_id", catalog.task(id).agentId());
        Bodies.optionalObject(body, "settings");
        TaskPatch patch = new TaskPatch(Bodies.textChange(body, "name"), Bodies.textChange(body, "prompt"),
                Bodies.objectChange(body, "input_schema"), Bodies.objectChange(body, "output_schema"),
                Bodies.objectChange(body, "storage"), Bodies.booleanChange(body, "extraction"),
                Bodies.intChange(body, "settings.timeout_seconds"), Bodies.objectChange(body, "simulation"));
        Task changed = changes.tasks().update(id, patch);
        return ok(CatalogJson.task(changed, request.requestId()), request);
    }

    /** A task's id and agent are fixed: repeating them is fine, another value is 400. */
    private static void rejectChange(JsonNode body, String field, String current) {
        Change<String> change = Bodies.textChange(body, field);
        if (change.present() && !current.equals(change.value())) {
            throw ApiException.inputInvalid(field, "`" + field + "` of a task cannot be changed.");
        }
    }
}
