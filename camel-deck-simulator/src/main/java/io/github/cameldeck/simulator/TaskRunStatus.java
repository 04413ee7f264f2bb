package io.github.cameldeck.simulator;

import java.util.Locale;
import java.util.Optional;

/** Task run statuses. The cancel-in-progress status is spelled as configured on the simulator. */
public enum TaskRunStatus {
    QUEUED, RUNNING, INTERACTION_REQUIRED, REVIEW_REQUIRED, CANCELING, COMPLETED, FAILED, CANCELED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The wire value; {@code canceling} is returned with the given spelling. */
    public String wire(String cancelingSpelling) {
        return this == CANCELING ? cancelingSpelling : wire;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** Running, waiting for input or waiting for review: the run holds an agent sandbox. */
    public boolean isActive() {
        return this == RUNNING || this == INTERACTION_REQUIRED || this == REVIEW_REQUIRED;
    }

    /** The event type recorded when a run enters this status (always {@code task_run.canceling}). */
    public String eventType() {
        return "task_run." + wire;
    }

    /**
     * Parses a wire value. Both {@code canceling} and {@code cancelling} are accepted, and the old {@code pending} is
     * read as {@code review_required}.
     */
    public static Optional<TaskRunStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("cancelling")) {
            return Optional.of(CANCELING);
        }
        if (v.equals("pending")) {
            return Optional.of(REVIEW_REQUIRED);
        }
        for (TaskRunStatus status : values()) {
            if (status.wire.equals(v)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
