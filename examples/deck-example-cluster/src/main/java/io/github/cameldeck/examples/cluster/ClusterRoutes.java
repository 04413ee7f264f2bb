package io.github.cameldeck.examples.cluster;

import org.apache.camel.builder.RouteBuilder;

/**
 * The route every node runs. {@code master:deck-runs:} starts the deck consumer only on the node that holds the
 * leadership of the {@code deck-runs} view, and moves it when that node dies; the repository {@code #deckRuns} is
 * shared, so the next leader skips what the previous one emitted.
 */
public class ClusterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("master:" + NodeSettings.NAMESPACE
                + ":deck:taskRuns?status=completed&delay=250&idempotentRepository=#deckRuns")
                .routeId("deck-runs")
                .process("emittedLog")
                // stands for the application's own work on the run (a database write, a call): the exchange stays in
                // flight, not yet recorded in the repository, for cluster.work-time after its line was written
                .delay(simple("{{cluster.work-time}}")).syncDelayed();
    }
}
