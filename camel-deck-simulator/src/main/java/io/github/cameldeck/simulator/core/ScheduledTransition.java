package io.github.cameldeck.simulator.core;

import java.time.Instant;

/**
 * A run transition due at a given time. {@code sequence} keeps insertion order among equal due times;
 * {@code generation} lets the run ignore transitions made obsolete by later changes.
 */
record ScheduledTransition(Instant dueAt, long sequence, RunRecord run, int generation, Kind kind)
        implements
            Comparable<ScheduledTransition> {

    enum Kind {
        /** queued → running */
        START,
        /** running → interaction_required (first prompt or after a wrong answer) */
        PROMPT,
        /** interaction_required → failed (interaction/interaction_timeout) */
        INTERACTION_TIMEOUT,
        /** running → failed (auth/auth_invalid) after too many wrong answers */
        AUTH_FAIL,
        /** running → completed / failed / review_required */
        FINISH,
        /** review_required → completed */
        REVIEW_DONE,
        /** canceling → canceled */
        CANCEL_DONE,
        /** any non-terminal → failed (task/timeout); ignores the generation */
        TASK_TIMEOUT
    }

    @Override
    public int compareTo(ScheduledTransition other) {
        int c = dueAt.compareTo(other.dueAt);
        return c != 0 ? c : Long.compare(sequence, other.sequence);
    }
}
