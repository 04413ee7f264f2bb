package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.util.IdGenerator;

/** All simulated data. Not thread-safe: only accessed through {@link SimulatorEngine}, under its lock. */
final class DeckState {

    final EngineSettings settings;
    final IdGenerator ids = new IdGenerator();
    final OrderedStore<Agent> agents = new OrderedStore<>(Agent::id, Agent::createdAt);
    final OrderedStore<Source> sources = new OrderedStore<>(Source::id, Source::createdAt);
    final OrderedStore<Credential> credentials = new OrderedStore<>(Credential::id, Credential::createdAt);
    final Map<String, String> passwords = new HashMap<>();
    final OrderedStore<Task> tasks = new OrderedStore<>(Task::id, Task::createdAt);
    final OrderedStore<RunRecord> runs = new OrderedStore<>(RunRecord::id, RunRecord::createdAt);
    final Map<String, SessionRecord> sessions = new HashMap<>();
    final Map<String, StorageItem> storageItems = new HashMap<>();
    /** Sources on Deck's blocklist: runs against them are refused with 403 source_blocked. */
    final java.util.Set<String> blockedSources = new java.util.HashSet<>();
    /** Errors the next runs of a task fail with, one per run, in order (by task id). */
    final Map<String, Deque<DeckError>> plannedFailures = new HashMap<>();
    final EventLog events;
    final EventDestinations destinations;
    /** Runs not yet terminal: what the session limit counts. */
    int openRuns;

    DeckState(EngineSettings settings) {
        this.settings = settings;
        this.destinations = new EventDestinations(ids, settings.eventCapacity());
        this.events = new EventLog(ids, settings.eventCapacity(), destinations::eventAppended);
    }

    String newId(String prefix, Instant at) {
        return ids.next(prefix, at.toEpochMilli());
    }

    String spelling() {
        return settings.cancelingSpelling();
    }

    /**
     * Forgets runs, planned failures, sessions, storage, events and webhook deliveries; keeps agents, sources, credentials, tasks and
     * event destinations.
     */
    void clearActivity() {
        runs.clear();
        plannedFailures.clear();
        sessions.clear();
        storageItems.clear();
        events.clear();
        destinations.clearDeliveries();
        openRuns = 0;
    }
}
