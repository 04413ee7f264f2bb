package io.github.cameldeck.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With clusterNamespace, only the leader reads Deck's event log; every instance receives webhooks. A new leader catches
 * up at once, leaving the last seconds to the webhooks.
 */
class EventsConsumerClusterTest extends EventsConsumerTestSupport {

    /**
     * A simulator whose clock is a minute more than {@link EventsCatchUp#CLUSTER_SETTLE} behind Deck's time of the read
     * (the Date header, from this host's clock): its events are past the settle time at once, with no waiting for it.
     */
    @RegisterExtension
    static DeckSimulatorExtension behind = DeckSimulatorExtension.create(b -> b.rateLimit(0, Duration.ZERO)
            .webhookBackoff(Duration.ofMillis(100))
            .clock(clockBehindWallClock(EventsCatchUp.CLUSTER_SETTLE.plusMinutes(1))));

    private final SwitchableClusterService cluster = new SwitchableClusterService();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected DeckSimulator sim() {
        return behind.simulator();
    }

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
        sim().advance(Duration.ofSeconds(1));
        assertThat(sim().taskRun(missed).status()).isEqualTo("completed");
        long before = sim().stats().totalRequests();
        // the catch-up the consumer runs every catchUpInterval, run twice on this thread: when they return, they are over
        DeckEventsConsumer consumer = (DeckEventsConsumer) context.getRoute("events").getConsumer();
        consumer.catchUp();
        consumer.catchUp();

        // a follower: no catch-up (no request to Deck), but a webhook is routed
        assertThat(received).isEmpty();
        assertThat(sim().stats().totalRequests()).isEqualTo(before);
        assertThat(
                deliver("/deck/events", "evt_C1", taskRunEvent("evt_C1", "task_run.completed", "trun_C1", "completed"),
                        SECRET).statusCode())
                .isEqualTo(202);
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.contains("trun_C1"));

        // leader: the events older than the settle time are caught up
        cluster.setLeader(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains(missed));
        awaitEventLogReads(2);
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
