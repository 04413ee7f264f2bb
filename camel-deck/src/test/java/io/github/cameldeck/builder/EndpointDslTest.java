package io.github.cameldeck.builder;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.github.cameldeck.builder.DeckEndpoints.deck;
import static org.assertj.core.api.Assertions.assertThat;

/** Routes written with the endpoint DSL ({@link DeckEndpoints}) against the simulator, and what its builders set. */
class EndpointDslTest extends DeckTestSupport {

    @Test
    void aProducerAndAConsumerWrittenWithTheEndpointDsl() throws Exception {
        Task task = quickTask();
        context.addRoutes(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                from(direct("statements"))
                        .to(deck("runTask").taskId(task.id()).credentialId(credential.id())
                                .waitForCompletion(true).waitTimeout("30s"));
                from(deck("taskRuns").status("completed").taskId(task.id()).delay(100))
                        .setHeader("statusSeen", header(deck().deckRunStatus()))
                        .to(mock("completed"));
            }
        });
        MockEndpoint completed = getMockEndpoint("mock:completed");
        completed.expectedMessageCount(1);
        completed.expectedHeaderReceived("statusSeen", "completed");

        TaskRun run = template.requestBody("direct:statements", Map.of("month", "2026-10"), TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(sim().taskRun(run.getId()).input().get("month").asText()).isEqualTo("2026-10");
        completed.assertIsSatisfied();
        assertThat(completed.getExchanges().get(0).getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(run.getId());
    }

    @Test
    void theBuildersSetTypedOptions() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

        DeckEndpoint producer = deck(DeckOperation.runTask).taskId("task_1").waitForCompletion(true)
                .waitTimeout("45s").rerunOn("deckErrors").maxRunAttempts(4)
                .advanced().requestTimeout(5_000L)
                .resolve(context, DeckEndpoint.class);
        DeckEndpoint consumer = deck("taskRuns").status("completed,failed").pageSize(20).outcome("failure")
                .lookback("2h").idempotentRepository(repository).runLoggingLevel(LoggingLevel.DEBUG)
                .resolve(context, DeckEndpoint.class);

        DeckConfiguration p = producer.getConfiguration();
        assertThat(producer.getOperation()).isEqualTo(DeckOperation.runTask);
        assertThat(p.getTaskId()).isEqualTo("task_1");
        assertThat(p.isWaitForCompletion()).isTrue();
        assertThat(p.getWaitTimeout()).isEqualTo(Duration.ofSeconds(45).toMillis());
        assertThat(p.getRerunOn()).isEqualTo("deckErrors");
        assertThat(p.getMaxRunAttempts()).isEqualTo(4);
        assertThat(p.getRequestTimeout()).isEqualTo(5_000L);

        DeckConfiguration c = consumer.getConfiguration();
        assertThat(consumer.getOperation()).isEqualTo(DeckOperation.taskRuns);
        assertThat(c.getStatus()).isEqualTo("completed,failed");
        assertThat(c.getPageSize()).isEqualTo(20);
        assertThat(c.getOutcome()).isEqualTo("failure");
        assertThat(c.getLookback()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(c.getIdempotentRepository()).as("a bean given to the builder").isSameAs(repository);
        assertThat(consumer.getRunLoggingLevel()).isEqualTo(LoggingLevel.DEBUG);

        assertThat(deck().deckRunId()).isEqualTo(DeckConstants.RUN_ID);
        assertThat(deck().deckRunStatus()).isEqualTo(DeckConstants.RUN_STATUS);
    }

    /**
     * A route takes a builder's URI as written, values not encoded: a key with characters that have a meaning in URIs
     * needs RAW() in the builder as in a URI string (without it, this route fails to start). It reaches Deck intact, and
     * the endpoint does not show it.
     */
    @Test
    void anApiKeyFromTheBuilderOnAComponentOfAnotherName() throws Exception {
        String key = "sk_live_Ab+c/d=e&f%g#h?i";
        DeckSimulator other = DeckSimulator.builder().apiKey(key).rateLimit(0, Duration.ZERO).build().start();
        try {
            DeckComponent eu = new DeckComponent();
            eu.getConfiguration().setBaseUrl(other.baseUrl());
            context.addComponent("deck-eu", eu);
            Task task = other.createTask(other.createAgent("a").id(), "t",
                    Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10)));
            DeckEndpointBuilderFactory.DeckEndpointBuilder builder = deck("deck-eu", "runTask")
                    .apiKey("RAW(" + key + ")");
            context.addRoutes(new EndpointRouteBuilder() {
                @Override
                public void configure() {
                    from(direct("eu")).to(builder.taskId(task.id()));
                }
            });

            TaskRun run = template.requestBody("direct:eu", Map.of("x", 1), TaskRun.class);

            assertThat(other.taskRun(run.getId()).taskId()).isEqualTo(task.id());
            DeckEndpoint endpoint = builder.resolve(context, DeckEndpoint.class);
            assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(key);
            assertThat(endpoint.toString()).startsWith("deck-eu:").doesNotContain("Ab+c").doesNotContain("Ab%2Bc");
        } finally {
            other.stop();
        }
    }
}
