package io.github.cameldeck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.cameldeck.client.Bucket4jClusterBudget;
import io.github.cameldeck.client.ClusterBudget;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of one application (two CamelContexts) against a simulator with Deck's kind of limit (20 requests per
 * 2 s): each instance alone paces to 20 per 2 s, so together they draw 429s; with the clusterBudget option on one
 * Bucket4j bucket in Hazelcast they stay within the organization's limit together. Request counts, not durations.
 */
class ClusterBudgetTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final int CALLS_PER_INSTANCE = 2 * LIMIT;

    @RegisterExtension
    static DeckSimulatorExtension limited = DeckSimulatorExtension.create(b -> b.rateLimit(LIMIT, WINDOW));

    private static HazelcastInstance hazelcast;
    private final List<CamelContext> instances = new ArrayList<>();

    @BeforeAll
    static void startHazelcast() {
        Config config = new Config().setClusterName("deck-budget-test-" + ProcessHandle.current().pid());
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        hazelcast = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopHazelcast() {
        hazelcast.shutdown();
    }

    @BeforeEach
    void resetSimulator() {
        sim().reset();
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(CamelContext::stop);
    }

    private DeckSimulator sim() {
        return limited.simulator();
    }

    private ProducerTemplate instance(ClusterBudget clusterBudget) {
        CamelContext context = new DefaultCamelContext();
        DeckComponent deck = new DeckComponent();
        deck.getConfiguration().setBaseUrl(sim().baseUrl());
        deck.getConfiguration().setApiKey(sim().apiKey());
        deck.setRateLimit(LIMIT);
        // a little longer than the simulator's window: on a loaded machine a request can take longer to arrive than
        // the budget's margin, and this test counts 429s, not milliseconds
        deck.setRateLimitWindow(WINDOW.toMillis() + 250);
        deck.setClusterBudget(clusterBudget);
        context.addComponent("deck", deck);
        context.start();
        instances.add(context);
        return context.createProducerTemplate();
    }

    private List<CompletableFuture<Object>> getTaskRuns(ProducerTemplate instance, String runId) {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_INSTANCE; i++) {
            calls.add(instance.asyncRequestBody("deck:getTaskRun?maxRetries=0&runId=" + runId, null));
        }
        return calls;
    }

    private String aRun() {
        var agent = sim().createAgent("Cluster agent");
        var task = sim().createTask(agent.id(), "Quick", Scenario.completesAfter(Duration.ofMillis(10)));
        return sim().startRun(task.id(), Map.of()).id();
    }

    @Test
    void twoInstancesSharingOneClusterBudgetDrawNo429() {
        String runId = aRun();
        ClusterBudget shared = new Bucket4jClusterBudget(
                Bucket4jHazelcast.entryProcessorBasedBuilder(hazelcast.<String, byte[]>getMap("deck-budget")).build());
        ProducerTemplate first = instance(shared);
        ProducerTemplate second = instance(shared);
        long before = sim().stats().totalRequests();

        List<CompletableFuture<Object>> calls = new ArrayList<>(getTaskRuns(first, runId));
        calls.addAll(getTaskRuns(second, runId));

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().stats().totalRequests() - before).as("one request per call").isEqualTo(2 * CALLS_PER_INSTANCE);
        assertThat(sim().stats().rateLimited()).as("429 answers").isZero();
        assertThat(sim().stats().busiestWindow()).as("requests in the busiest window").isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void twoInstancesWithABudgetEachDraw429s() {
        String runId = aRun();
        ProducerTemplate first = instance(null);
        ProducerTemplate second = instance(null);

        List<CompletableFuture<Object>> calls = new ArrayList<>(getTaskRuns(first, runId));
        calls.addAll(getTaskRuns(second, runId));

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().stats().rateLimited()).as("429 answers: each instance took the whole limit").isPositive();
        assertThat(sim().stats().busiestWindow()).isGreaterThan(LIMIT);
    }

    @Test
    void aClusterBudgetNeedsALimitItCanKeep() {
        assertThatThrownBy(() -> Bucket4jClusterBudget.configuration(1, WINDOW))
                .hasMessageContaining("A cluster budget needs a rateLimit of 2 or more");
        for (int limit : new int[]{2, 20, 200, 1000}) {
            var bandwidth = Bucket4jClusterBudget.configuration(limit, WINDOW).getBandwidths()[0];
            assertThat(bandwidth.getCapacity() + bandwidth.getRefillTokens())
                    .as("at most the limit in any window, for %d", limit).isLessThanOrEqualTo(limit);
        }
    }
}
