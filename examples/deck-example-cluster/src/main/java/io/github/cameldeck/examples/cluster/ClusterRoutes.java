package io.github.cameldeck.examples.cluster;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes every node runs. {@code master:deck-runs:} starts the deck consumer only on the node that holds the
 * leadership of the {@code deck-runs} view, and moves it when that node dies; the repository {@code #deckRuns} is
 * shared, so the next leader skips what the previous one emitted. When {@code cluster.load-task-id} is set, every node
 * also starts runs of that task, one per {@code cluster.load-period}: the nodes' requests together are paced by the
 * organization's budget that they share in Hazelcast ({@code camel.component.deck.cluster-budget}).
 */
public class ClusterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("master:" + NodeSettings.NAMESPACE
                + ":deck:taskRuns?status=completed&delay=250&idempotentRepository=#deckRuns&taskId={{?cluster.task-id}}")
                .routeId("deck-runs")
                .process("emittedLog")
                // stands for the application's own work on the run (a database write, a call): the exchange stays in
                // flight, not yet recorded in the repository, for cluster.work-time after its line was written
                .delay(simple("{{cluster.work-time}}")).syncDelayed();

        if (getContext().getPropertiesComponent().resolveProperty("cluster.load-task-id").isPresent()) {
            from("timer:deck-load?period={{cluster.load-period}}")
                    .routeId("deck-load")
                    .to("deck:runTask?taskId={{cluster.load-task-id}}");
        }
    }
}
