package io.github.cameldeck.examples.cluster;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The deck route's step: appends {@code <nodeId> <runId>} to {@code emitted-<nodeId>.log} while the exchange is still
 * in flight. The consumer records the run in the shared repository only once the exchange completed, so a run whose
 * line is written but whose node is killed before the exchange completes is emitted again by the next leader: the
 * at-least-once window, one exchange per kill.
 */
public final class EmittedLog implements Processor {

    private final String nodeId;
    private final LineLog log;

    public EmittedLog(String nodeId, LineLog log) {
        this.nodeId = nodeId;
        this.log = log;
    }

    @Override
    public void process(Exchange exchange) {
        String runId = exchange.getMessage().getHeader(DeckConstants.RUN_ID, String.class);
        log.append(nodeId + " " + runId);
    }
}
