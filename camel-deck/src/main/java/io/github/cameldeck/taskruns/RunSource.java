package io.github.cameldeck.taskruns;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the taskRuns consumer finds runs to emit. A source owns how it reads Deck, the keys that record its runs as
 * emitted, the filters it applies, how it fetches full runs, and its position; the consumer only asks it for the next
 * candidates, emits them and tells it which ones were emitted.
 */
interface RunSource {

    /**
     * The next runs to emit (in no particular order; the consumer sorts them), reading Deck on the calling thread. Runs
     * whose key {@code emitted} holds are left out. On failure nothing moves: the same runs are found again.
     */
    List<RunCandidate> next(Predicate<String> emitted);

    /**
     * Whether the source still catches up on what happened before the consumer started: while one does, the consumer
     * reads only the sources that catch up, and drains them within one poll.
     */
    default boolean isCatchingUp() {
        return false;
    }

    /** The time this source has read Deck's event log up to (less the overlap); null for a source that is not a feed. */
    default Instant readFrom() {
        return null;
    }

    /** A candidate of this source was emitted, and its exchange succeeded. */
    default void emitted(RunCandidate candidate) {
    }
}
