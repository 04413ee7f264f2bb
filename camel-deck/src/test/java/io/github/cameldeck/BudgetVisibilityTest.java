package io.github.cameldeck;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The request budget's state in the readiness details and in the deck component's JMX attributes. */
class BudgetVisibilityTest {

    private DeckSimulator sim;
    private CamelContext context;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        context = new DefaultCamelContext();
        DeckTestSupport.enableConsumerHealthChecks(context);
        DeckComponent deck = context.getComponent("deck", DeckComponent.class);
        deck.getConfiguration().setBaseUrl(sim.baseUrl());
        deck.getConfiguration().setApiKey(sim.apiKey());
        deck.setRateLimit(2);
        deck.setRateLimitWindow(TimeUnit.HOURS.toMillis(1));
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        sim.stop();
    }

    @Test
    void theBudgetShowsInHealthAndJmx() throws Exception {
        String runId = sim.startRun(sim.createTask(sim.createAgent("a").id(), "t", Scenario.defaults()).id(), Map.of())
                .id();
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Object> call = template.asyncRequestBody("deck:getTaskRun?runId=" + runId, null);
            if (i < 2) {
                call.join();
            }
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> component("BudgetWaitingRequests").equals(1));

        HealthCheck.Result health = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("deck-budget")).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("budget-1.limit", 2).containsEntry("budget-1.used", 2)
                .containsEntry("budget-1.waiting", 1).containsEntry("budget-1.rate.limited", 0L)
                .containsEntry("budget-1.window.ms", TimeUnit.HOURS.toMillis(1));
        assertThat(component("BudgetRequestsInWindow")).isEqualTo(2);
        assertThat(component("BudgetRateLimitedAnswers")).isEqualTo(0L);
        assertThat((Long) component("BudgetLongestWaitMillis")).isNotNegative();
    }

    private Object component(String attribute) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=components,*"), null);
        for (ObjectName name : names) {
            if (name.toString().contains("name=\"deck\"")) {
                return server.getAttribute(name, attribute);
            }
        }
        throw new IllegalStateException("No deck component MBean in " + names);
    }
}
