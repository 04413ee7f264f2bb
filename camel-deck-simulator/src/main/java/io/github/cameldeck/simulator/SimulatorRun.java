package io.github.cameldeck.simulator;

import java.util.Map;

/** A handle on a run created through the Java API; {@link #state()} reads its current state. */
public final class SimulatorRun {

    private final DeckSimulator simulator;
    private final String id;
    private final String taskId;

    SimulatorRun(DeckSimulator simulator, String id, String taskId) {
        this.simulator = simulator;
        this.id = id;
        this.taskId = taskId;
    }

    public String id() {
        return id;
    }

    public String taskId() {
        return taskId;
    }

    /** The run's current state. */
    public TaskRunState state() {
        return simulator.taskRun(id);
    }

    /** The current wire status. */
    public String status() {
        return state().status();
    }

    /** Answers the pending interaction (as {@code POST /task-runs/{id}/interaction} would). */
    public TaskRunState submitInteraction(Map<String, ?> input) {
        return simulator.submitInteraction(id, input);
    }

    /** Requests cancellation (as {@code POST /task-runs/{id}/cancel} would). */
    public TaskRunState cancel() {
        return simulator.cancelRun(id);
    }

    @Override
    public String toString() {
        return "SimulatorRun[" + id + "]";
    }
}
