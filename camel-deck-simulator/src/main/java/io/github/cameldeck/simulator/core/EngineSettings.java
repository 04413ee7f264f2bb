package io.github.cameldeck.simulator.core;

import io.github.cameldeck.simulator.Scenario;

/**
 * Behaviour settings of the simulated backend.
 *
 * @param cancelingSpelling wire spelling of the cancel-in-progress status ({@code canceling} or {@code cancelling})
 * @param sessionLimit max non-terminal runs at once (0 = unlimited)
 * @param assignSessionOnCreate give a run its {@code session_id} at creation instead of when it starts running
 * @param defaultScenario scenario of tasks created without one
 * @param eventCapacity max events kept
 */
public record EngineSettings(String cancelingSpelling, int sessionLimit, boolean assignSessionOnCreate,
        Scenario defaultScenario, int eventCapacity) {
}
