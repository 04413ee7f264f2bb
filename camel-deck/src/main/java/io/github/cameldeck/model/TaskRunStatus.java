package io.github.cameldeck.model;

import java.util.Locale;

/**
 * The status of a task run. Reads both spellings of the cancel-in-progress status ({@code canceling} and
 * {@code cancelling}); a value Deck adds later reads as {@link #UNRECOGNIZED} while {@link TaskRun#getStatusValue()}
 * keeps the wire value.
 */
public enum TaskRunStatus {
    QUEUED("queued", false), RUNNING("running", false), INTERACTION_REQUIRED("interaction_required",
            false), REVIEW_REQUIRED("review_required", false),
    /** Older revisions of the API used {@code pending} for what is now {@code review_required}. */
    PENDING("pending", false), CANCELING("canceling", false), COMPLETED("completed", true), FAILED("failed",
            true), CANCELED("canceled", true), UNRECOGNIZED("unrecognized", false);

    private final String value;
    private final boolean terminal;

    TaskRunStatus(String value, boolean terminal) {
        this.value = value;
        this.terminal = terminal;
    }

    /** The wire value, e.g. {@code interaction_required}. */
    public String value() {
        return value;
    }

    /** Whether the run can no longer change: completed, failed or canceled. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether the run waits for a person: an interaction to answer or a review. */
    public boolean isWaitingForPerson() {
        return this == INTERACTION_REQUIRED || this == REVIEW_REQUIRED || this == PENDING;
    }

    /**
     * Reads a wire value leniently: case-insensitive, both cancel spellings, unknown values as {@link #UNRECOGNIZED}.
     * Returns null for null.
     */
    public static TaskRunStatus fromValue(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if ("cancelling".equals(v)) {
            return CANCELING;
        }
        if ("cancelled".equals(v)) {
            return CANCELED;
        }
        for (TaskRunStatus status : values()) {
            if (status != UNRECOGNIZED && status.value.equals(v)) {
                return status;
            }
        }
        return UNRECOGNIZED;
    }

    /**
     * Reads a status that a user wrote in a route or option; unlike {@link #fromValue(String)} it refuses what it does
     * not know.
     *
     * @throws IllegalArgumentException naming the value and the valid statuses
     */
    public static TaskRunStatus parseUserValue(String value) {
        TaskRunStatus status = fromValue(value);
        if (status == null || status == UNRECOGNIZED) {
            StringBuilder valid = new StringBuilder();
            for (TaskRunStatus s : values()) {
                if (s != UNRECOGNIZED) {
                    valid.append(valid.length() == 0 ? "" : ", ").append(s.value);
                }
            }
            throw new IllegalArgumentException("Unknown task run status '" + value + "'. Valid statuses are: " + valid);
        }
        return status;
    }

    @Override
    public String toString() {
        return value;
    }
}
