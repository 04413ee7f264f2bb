package io.github.cameldeck.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With clusterNamespace, only the leader reads Deck's event log; every instance receives webhooks. A new leader catches
 * up at once, leaving the last seconds to the webhooks.
 */
class EventsConsumerClusterTest extends EventsConsumerTestSupport {

    private final SwitchableClusterService cluster = new SwitchableClusterService();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addService(cluster);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&clusterNamespace=deck"
                        + "&catchUpInterval=200")
                        .routeId("events")
                        .process(e -> received.add(e.getMessage().getHeader(DeckConstants.RUN_ID, String.class)));
            }
        };
    }

    @Test
    void onlyTheLeaderCatchesUpAndEveryInstanceTakesWebhooks() throws Exception {
        Task task = quickTask();
        String missed = sim().startRun(task.id(), Map.of("n", 1)).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(missed).status()));
        long before = sim().stats().totalRequests();
        Thread.sleep(600);

        // a follower: no catch-up (no request to Deck), but a webhook is routed
        assertThat(received).isEmpty();
        assertThat(sim().stats().totalRequests()).isEqualTo(before);
        assertThat(
                deliver("/deck/events", "evt_C1", taskRunEvent("evt_C1", "task_run.completed", "trun_C1", "completed"),
                        SECRET).statusCode())
                .isEqualTo(202);
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.contains("trun_C1"));

        // leader: the events older than the settle time are caught up
        Thread.sleep(EventsCatchUp.CLUSTER_SETTLE.toMillis());
        cluster.setLeader(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains(missed));
        Thread.sleep(500);
        assertThat(received).containsExactly("trun_C1", missed);
    }

    @Test
    void withoutAClusterServiceTheRouteDoesNotStart() throws Exception {
        context.removeService(cluster);
        context.getRouteController().stopRoute("events");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getRouteController().startRoute("events"))
                .hasStackTraceContaining("The clusterNamespace option needs a CamelClusterService");
    }
}
