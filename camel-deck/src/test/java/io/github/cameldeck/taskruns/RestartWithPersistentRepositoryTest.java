package io.github.cameldeck.taskruns;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cameldeck.DeckTestSupport.awaitPolls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stops the consuming context mid-stream and starts a new one on the same repository: nothing missed, nothing twice. */
class RestartWithPersistentRepositoryTest {

    @RegisterExtension
    static DeckSimulatorExtension deck = DeckSimulatorExtension.create(b -> b.rateLimit(0, Duration.ZERO));

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();

    private IdempotentRepository repository(String kind, String name) {
        if ("file".equals(kind)) {
            return FileIdempotentRepository.fileIdempotentRepository(new File(dir.toFile(), "deck-runs.dat"), 100_000);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new JdbcMessageIdRepository(dataSource, "deck-taskRuns");
    }

    private CamelContext startContext(IdempotentRepository repository) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("deckRepository", repository);
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(deck.apiKey());
        component.getConfiguration().setBaseUrl(deck.baseUrl());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=100&pageSize=10&idempotentRepository=#deckRepository")
                        .process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        context.start();
        return context;
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "jdbc"})
    void nothingIsMissedOrEmittedTwiceAcrossARestart(String kind) throws Exception {
        deck.simulator().reset();
        String agent = deck.simulator().createAgent("Restart agent").id();
        List<Task> tasks = List.of(
                deck.simulator().createTask(agent, "quick", Scenario.completesAfter(Duration.ofMillis(200))
                        .withQueueTime(Duration.ofMillis(10))),
                deck.simulator().createTask(agent, "medium", Scenario.completesAfter(Duration.ofMillis(1500))
                        .withQueueTime(Duration.ofMillis(10))),
                deck.simulator().createTask(agent, "late", Scenario.completesAfter(Duration.ofMillis(3500))
                        .withQueueTime(Duration.ofMillis(10))));
        Set<String> started = new HashSet<>();
        String dbName = "deck" + UUID.randomUUID().toString().replace("-", "");

        CamelContext first = startContext(repository(kind, dbName));
        for (int i = 0; i < 60; i++) {
            started.add(deck.simulator().startRun(tasks.get(i % 3).id(), Map.of("i", i)).id());
        }
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 15);
        first.stop();
        int beforeRestart = received.size();
        assertThat(beforeRestart).isLessThan(60);

        CamelContext second = startContext(repository(kind, dbName));
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= 60);
            awaitPolls(second, 2);
        } finally {
            second.stop();
        }

        List<String> all = new ArrayList<>(received);
        assertThat(all).hasSize(60);
        assertThat(new HashSet<>(all)).isEqualTo(started);
    }
}
