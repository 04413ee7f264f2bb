package io.github.cameldeck.simulator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;

/**
 * Agents, sources, credentials and tasks: create, fetch, list. Each creation records a {@code *.created} event. Changes
 * and deletions are in {@link CatalogChanges}.
 */
public final class CatalogService {

    /** Largest accepted {@code settings.timeout_seconds} (the simulated plan's cap). */
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    private final SimulatorEngine engine;

    public CatalogService(SimulatorEngine engine) {
        this.engine = engine;
    }

    public Agent createAgent(String name, String description) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Agent agent = new Agent(state.newId("agt_", now), name, description, java.util.List.of(), now, now);
            state.agents.add(agent);
            CatalogEvents.agent(state, "agent.created", agent, now);
            return agent;
        });
    }

    public Agent agent(String id) {
        return engine.call(now -> requireAgent(engine.state(), id));
    }

    public Page<Agent> agents(PageRequest page) {
        return engine.call(now -> Pager.page(engine.state().agents, page, a -> true, null, null, false, a -> a));
    }

    public Source createSource(String type, String name, String url) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Source source = new Source(state.newId("src_", now), name, type, url, now, now);
            state.sources.add(source);
            CatalogEvents.source(state, "source.created", source, now);
            return source;
        });
    }

    public Source source(String id) {
        return engine.call(now -> requireSource(engine.state(), id));
    }

    public Page<Source> sources(PageRequest page) {
        return engine.call(now -> Pager.page(engine.state().sources, page, s -> true, null, null, false, s -> s));
    }

    public Credential createCredential(String sourceId, String authMethod, String username, String password,
            Map<String, String> sourceFields, String externalId) {
        return engine.call(now -> {
            DeckState state = engine.state();
            requireSource(state, sourceId);
            Credential credential = new Credential(state.newId("cred_", now), sourceId, authMethod, username,
                    sourceFields, externalId, "unverified", now, now);
            state.credentials.add(credential);
            if (password != null) {
                state.passwords.put(credential.id(), password);
            }
            CatalogEvents.credential(state, "credential.created", credential, now);
            return credential;
        });
    }

    public Credential credential(String id) {
        return engine.call(now -> requireCredential(engine.state(), id));
    }

    /**
     * True if the credential's stored password is {@code candidate} (the password itself is never handed out); false
     * for a credential without one, e.g. a deleted one.
     */
    public boolean credentialHasPassword(String id, String candidate) {
        return engine.call(now -> {
            requireCredential(engine.state(), id);
            String password = engine.state().passwords.get(id);
            return password != null && candidate != null && MessageDigest.isEqual(
                    password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Credentials filtered by source ids, statuses (empty = any) and external id (null = any). */
    public Page<Credential> credentials(PageRequest page, Set<String> sourceIds, Set<String> statuses,
            String externalId) {
        return engine.call(now -> Pager.page(engine.state().credentials, page,
                c -> (sourceIds.isEmpty() || sourceIds.contains(c.sourceId()))
                        && (statuses.isEmpty() || statuses.contains(c.status()))
                        && (externalId == null || externalId.equals(c.externalId())),
                null, null, false, c -> c));
    }

    public Task createTask(TaskDraft draft) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Agent agent = requireAgent(state, draft.agentId());
            String id = draft.id() != null ? draft.id() : state.newId("task_", now);
            if (state.tasks.get(id) != null) {
                throw ApiException.conflict("task_already_exists", "A task with id " + id + " already exists.");
            }
            int timeout = draft.timeoutSeconds() == null ? Task.DEFAULT_TIMEOUT_SECONDS : draft.timeoutSeconds();
            if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
                throw ApiException.inputInvalid("settings.timeout_seconds",
                        "`settings.timeout_seconds` must be between 1 and " + MAX_TIMEOUT_SECONDS + ".");
            }
            Task task = new Task(id, draft.name(), agent.id(), draft.prompt(), "learning", draft.inputSchema(),
                    draft.outputSchema(), draft.storage(), draft.extraction(), timeout,
                    draft.scenario() != null ? draft.scenario() : state.settings.defaultScenario(), now, now);
            // ordered by a generated key: a client-chosen id need not be time-ordered
            state.tasks.add(task, new SortKey(now, draft.id() == null ? id : state.newId("task_", now)));
            state.agents.replace(agent.withTask(task.ref(), now));
            CatalogEvents.task(state, "task.created", task, now);
            return task;
        });
    }

    public Task task(String id) {
        return engine.call(now -> requireTask(engine.state(), id));
    }

    /** Tasks filtered by agent id and status (null = any). */
    public Page<Task> tasks(PageRequest page, String agentId, String status) {
        return engine.call(now -> Pager.page(engine.state().tasks, page,
                t -> (agentId == null || agentId.equals(t.agentId())) && (status == null || status.equals(t.status())),
                null, null, false, t -> t));
    }

    public java.util.List<Task> allTasks() {
        return engine.call(now -> engine.state().tasks.newestFirst());
    }

    static Agent requireAgent(DeckState state, String id) {
        Agent agent = state.agents.get(id);
        if (agent == null) {
            throw ApiException.notFound("request", "agent_not_found", "No agent with id " + id + " exists.");
        }
        return agent;
    }

    /** Puts a source on the blocklist: runs against it are refused with 403 source/source_blocked. */
    public void blockSource(String id) {
        engine.call(now -> {
            requireSource(engine.state(), id);
            engine.state().blockedSources.add(id);
            return null;
        });
    }

    static Source requireSource(DeckState state, String id) {
        Source source = state.sources.get(id);
        if (source == null) {
            throw ApiException.notFound("source", "source_not_found", "No source with id " + id + " exists.");
        }
        return source;
    }

    static Credential requireCredential(DeckState state, String id) {
        Credential credential = state.credentials.get(id);
        if (credential == null) {
            throw ApiException.notFound("request", "credential_not_found",
                    "No credential with id " + id + " exists.");
        }
        return credential;
    }

    static Task requireTask(DeckState state, String id) {
        Task task = state.tasks.get(id);
        if (task == null) {
            throw ApiException.notFound("request", "task_not_found", "No task with id " + id + " exists.");
        }
        return task;
    }
}
