package io.github.cameldeck.taskruns;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.cameldeck.DeckTestSupport.awaitPolls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduled-poll options, Deck's rate limit, and the bounded default repository. */
class TaskRunsConsumerPollingOptionsTest {

    /** Deck's limit scaled down: 15 requests per second. */
    @RegisterExtension
    static DeckSimulatorExtension deck = DeckSimulatorExtension.create(b -> b.rateLimit(15, Duration.ofSeconds(1)));

    private final List<String> received = new CopyOnWriteArrayList<>();
    private CamelContext context;
    private Task task;

    @BeforeEach
    void setUp() throws Exception {
        deck.simulator().reset();
        String agent = deck.simulator().createAgent("Options agent").id();
        task = deck.simulator().createTask(agent, "quick", Scenario.completesAfter(Duration.ofMillis(50))
                .withQueueTime(Duration.ofMillis(10)));
        context = new DefaultCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(deck.apiKey());
        component.getConfiguration().setBaseUrl(deck.baseUrl());
        component.getConfiguration().setRetryInitialDelay(50);
        component.getConfiguration().setRetryMaxDelay(1000);
        component.getConfiguration().setMaxRetries(20);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private void finishedRuns(int count) {
        for (int i = 0; i < count; i++) {
            deck.simulator().startRun(task.id(), Map.of("i", i));
        }
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> deck.simulator().taskRuns().stream().allMatch(r -> r.isTerminal()));
        // the rate limit counts HTTP requests only: the window that reset() started is still fresh
        assertThat(deck.simulator().stats().totalRequests()).as("requests since reset()").isZero();
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("runs").process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        context.start();
    }

    @Test
    void greedyPollsAgainAtOnceWhileThereIsMore() throws Exception {
        finishedRuns(25);

        consume("deck:taskRuns?pageSize=5&initialDelay=0&delay=60000&greedy=true");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 25);
        assertThat(received).doesNotHaveDuplicates();
    }

    @Test
    void theCatchUpDrainsPageByPageInOnePollWithoutGreedy() throws Exception {
        finishedRuns(10);

        consume("deck:taskRuns?pageSize=3&initialDelay=0&delay=60000");

        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 10);
        assertThat(received).doesNotHaveDuplicates();
    }

    @Test
    void maxMessagesPerPollBoundsAPoll() throws Exception {
        finishedRuns(10);

        consume("deck:taskRuns?pageSize=3&maxMessagesPerPoll=5&initialDelay=0&delay=60000");

        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 5);
        // the next poll is a minute away: what the first one emitted is all there is
        DeckTaskRunsConsumer consumer = (DeckTaskRunsConsumer) context.getRoute("runs").getConsumer();
        await().atMost(5, TimeUnit.SECONDS).until(consumer::isFirstPollDone);
        assertThat(received).hasSize(5);
    }

    @Test
    void backsOffOnTheRateLimitWithoutLosingThePosition() throws Exception {
        finishedRuns(60);

        consume("deck:taskRuns?pageSize=2&delay=10&greedy=true");

        await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= 60);
        awaitPolls(context, 2);
        assertThat(deck.simulator().stats().rateLimited()).as("Deck answered 429").isGreaterThan(0);
        assertThat(received).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void theDefaultRepositoryIsBounded() throws Exception {
        consume("deck:taskRuns?delay=1000");

        DeckTaskRunsConsumer consumer = (DeckTaskRunsConsumer) context.getRoute("runs").getConsumer();
        assertThat(consumer.getIdempotentRepository()).isInstanceOf(MemoryIdempotentRepository.class);
        assertThat(((MemoryIdempotentRepository) consumer.getIdempotentRepository()).getMaxCacheSize())
                .isEqualTo(DeckEndpoint.DEFAULT_IDEMPOTENT_REPOSITORY_SIZE);
    }
}
