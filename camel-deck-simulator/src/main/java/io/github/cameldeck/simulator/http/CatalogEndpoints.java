package io.github.cameldeck.simulator.http;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.ScenarioFormatException;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.AuthCredentials;
import io.github.cameldeck.simulator.core.CatalogService;
import io.github.cameldeck.simulator.core.Page;
import io.github.cameldeck.simulator.core.TaskDraft;
import io.github.cameldeck.simulator.json.CatalogJson;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.json.ListJson;

/**
 * {@code /v2/test}, and creating, reading and listing {@code /v2/agents}, {@code /v2/sources}, {@code /v2/credentials},
 * {@code /v2/tasks} (changes and deletions: {@link CatalogChangeEndpoints}).
 */
final class CatalogEndpoints {

    private static final Pattern TASK_ID = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

    private final Services services;
    private final CatalogService catalog;

    CatalogEndpoints(Services services) {
        this.services = services;
        this.catalog = services.catalog();
    }

    void register(Router router) {
        router.add("GET", "/v2/test", this::test);
        router.add("POST", "/v2/agents", this::createAgent);
        router.add("GET", "/v2/agents", this::listAgents);
        router.add("GET", "/v2/agents/{id}", r -> ok(CatalogJson.agent(catalog.agent(r.param(0)), r.requestId()), r));
        router.add("POST", "/v2/sources", this::createSource);
        router.add("GET", "/v2/sources", this::listSources);
        router.add("GET", "/v2/sources/{id}",
                r -> ok(CatalogJson.source(catalog.source(r.param(0)), r.requestId()), r));
        router.add("POST", "/v2/credentials", this::createCredential);
        router.add("GET", "/v2/credentials", this::listCredentials);
        router.add("GET", "/v2/credentials/{id}",
                r -> ok(CatalogJson.credential(catalog.credential(r.param(0)), r.requestId()), r));
        router.add("POST", "/v2/tasks", this::createTask);
        router.add("GET", "/v2/tasks", this::listTasks);
        router.add("GET", "/v2/tasks/{id}", r -> ok(CatalogJson.task(catalog.task(r.param(0)), r.requestId()), r));
    }

    private ApiResponse test(ApiRequest request) {
        services.engine().processDue();
        ObjectNode node = Json.object();
        node.put("status", "ready");
        node.put("environment", "live");
        node.put("request_id", request.requestId());
        return ok(node, request);
    }

    private ApiResponse createAgent(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        Agent agent = catalog.createAgent(Bodies.requiredText(body, "name"), Bodies.optionalText(body, "description"));
        return created(CatalogJson.agent(agent, request.requestId()), request);
    }

    private ApiResponse listAgents(ApiRequest request) {
        Page<Agent> page = catalog.agents(Paging.from(request, "agents"));
        return ok(ListJson.page(page, a -> CatalogJson.agent(a, null), request.requestId()), request);
    }

    private ApiResponse createSource(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        String type = Bodies.requiredText(body, "type");
        if (!type.equals("website")) {
            throw ApiException.inputInvalid("type", "`type` must be \"website\".");
        }
        String url = Bodies.requiredText(body, "website.url");
        Source source = catalog.createSource(type, Bodies.optionalText(body, "name"), url);
        return created(CatalogJson.source(source, request.requestId()), request);
    }

    private ApiResponse listSources(ApiRequest request) {
        Page<Source> page = catalog.sources(Paging.from(request, "sources"));
        return ok(ListJson.page(page, s -> CatalogJson.source(s, null), request.requestId()), request);
    }

    private ApiResponse createCredential(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        String sourceId = Bodies.requiredText(body, "source_id");
        String authMethod = Bodies.optionalText(body, "auth_method");
        if (authMethod == null) {
            authMethod = "none";
        }
        if (!authMethod.equals("username_password") && !authMethod.equals("none")) {
            throw ApiException.inputInvalid("auth_method", "`auth_method` must be username_password or none.");
        }
        AuthCredentials auth = CredentialBodies.authCredentials(body, authMethod);
        String externalId = CredentialBodies.externalId(Bodies.optionalText(body, "external_id"));
        Credential credential = catalog.createCredential(sourceId, authMethod, auth.username(), auth.password(),
                auth.sourceFields(), externalId);
        return created(CatalogJson.credential(credential, request.requestId()), request);
    }

    private ApiResponse listCredentials(ApiRequest request) {
        Page<Credential> page = catalog.credentials(Paging.from(request, "credentials"),
                request.query().all("source_id"), request.query().all("status"),
                request.query().first("external_id"));
        return ok(ListJson.page(page, c -> CatalogJson.credential(c, null), request.requestId()), request);
    }

    private ApiResponse createTask(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        String name = Bodies.requiredText(body, "name");
        String agentId = Bodies.requiredText(body, "agent_id");
        Scenario scenario = null;
        JsonNode simulation = Bodies.optionalObject(body, "simulation");
        if (simulation != null) {
            try {
                scenario = services.engine().settings().defaultScenario().overriddenBy(simulation, "simulation");
            } catch (ScenarioFormatException e) {
                throw ApiException.inputInvalid(e.field(), e.getMessage());
            }
        }
        String id = Bodies.optionalText(body, "id");
        if (id != null && !TASK_ID.matcher(id).matches()) {
            throw ApiException.inputInvalid("id", "`id` may only contain letters, digits, '_' and '-' (max 255).");
        }
        JsonNode storage = Bodies.optionalObject(body, "storage");
        TaskDraft draft = new TaskDraft(id, name, agentId,
                Bodies.optionalText(body, "prompt"), Bodies.optionalObject(body, "input_schema"),
                Bodies.optionalObject(body, "output_schema"), storage == null ? null : storage.deepCopy(),
                Bodies.optionalBoolean(body, "extraction", false), Bodies.optionalInt(body, "settings.timeout_seconds"),
                scenario);
        Task task = catalog.createTask(draft);
        return created(CatalogJson.task(task, request.requestId()), request);
    }

    private ApiResponse listTasks(ApiRequest request) {
        Page<Task> page = catalog.tasks(Paging.from(request, "tasks"), request.query().first("agent_id"),
                request.query().first("status"));
        return ok(ListJson.page(page, t -> CatalogJson.task(t, null), request.requestId()), request);
    }

    static ApiResponse ok(ObjectNode node, ApiRequest request) {
        return ApiResponse.json(200, node, request.requestId());
    }

    static ApiResponse created(ObjectNode node, ApiRequest request) {
        return ApiResponse.json(201, node, request.requestId());
    }
}
