package io.github.cameldeck.taskruns;

import java.util.List;
import java.util.function.Predicate;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;

/**
 * What a consumer of runs emits for each run it finds: the taskRuns consumer emits the run itself; the storageItems
 * consumer emits the run's files. Each emission has its own key in the consumer's ledger; the run's own key is recorded
 * once every emission of the run succeeded, so a run whose emissions are all done is not looked at again.
 */
public interface RunEmitter {

    /** One exchange to emit: the key that records it, and what fills the exchange just before it is routed. */
    record Emission(String key, Filler filler) {
    }

    /** Fills an exchange just before it is routed (on the poll thread), e.g. with a downloaded file. */
    @FunctionalInterface
    interface Filler {
        void fill(Exchange exchange) throws Exception;
    }

    /** The taskRuns consumer's: the run, once per key (run and status, or interaction episode). */
    RunEmitter RUN = (run, runKey, emitted) -> List.of(new Emission(runKey, exchange -> {
        exchange.getIn().setBody(run);
        RunHeaders.set(exchange.getIn(), run);
    }));

    /**
     * The emissions of {@code run} not yet done; none when everything of it was emitted. Called on the poll thread;
     * may read Deck.
     *
     * @param runKey  the run's own key in the ledger
     * @param emitted whether a key was emitted (or is being routed)
     */
    List<Emission> emissions(TaskRun run, String runKey, Predicate<String> emitted) throws Exception;
}
