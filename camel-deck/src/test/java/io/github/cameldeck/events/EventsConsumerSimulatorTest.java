package io.github.cameldeck.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * deck:events against the simulator, which signs and delivers webhooks as Deck does (retries, duplicates, delays,
 * deactivation), end to end over HTTP on loopback.
 */
class EventsConsumerSimulatorTest extends EventsConsumerTestSupport {

    @TempDir
    Path tempDir;

    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());

    private String eventsUri(String options) {
        return "deck:events?webhookSecret=RAW(" + SECRET + ")&autoRegister=true&publicUrl="
                + webhookUrl("/deck/events") + (options.isEmpty() ? "" : "&" + options);
    }

    private void startEventsRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").process(received::add);
            }
        });
    }

    private List<String> receivedRunIds() {
        synchronized (received) {
            return received.stream().map(e -> e.getMessage().getHeader(DeckConstants.RUN_ID, String.class)).toList();
        }
    }

    private String describe() {
        synchronized (received) {
            return received.stream().map(e -> e.getMessage().getHeader(DeckConstants.RUN_ID) + " "
                    + e.getMessage().getHeader(DeckConstants.EVENT_ID) + " "
                    + e.getMessage().getHeader(DeckConstants.EVENT_SOURCE))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    private List<String> startRuns(Task task, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sim().startRun(task.id(), Map.of("n", i)).id());
        }
        return ids;
    }

    private void awaitReceived(Set<String> runIds) {
        await().atMost(20, TimeUnit.SECONDS).until(() -> new HashSet<>(receivedRunIds()).containsAll(runIds));
    }

    @Test
    void registersTheDestinationAndEmitsEachPushedEventOnceWithTheFullRun() throws Exception {
        sim().faults().duplicateWebhooks(0.5).delayWebhooks(0.5, Duration.ofMillis(300));
        startEventsRoute(eventsUri("types=task_run.completed&fetchRun=true"));

        List<EventDestinationInfo> destinations = sim().eventDestinations();
        assertThat(destinations).hasSize(1);
        assertThat(destinations.get(0).url()).isEqualTo(webhookUrl("/deck/events"));
        assertThat(destinations.get(0).events()).containsExactly("task_run.completed");

        Set<String> runs = new HashSet<>(startRuns(quickTask(), 20));
        awaitReceived(runs);
        sim().awaitWebhooksIdle(Duration.ofSeconds(10));

        assertThat(receivedRunIds()).hasSize(20).doesNotHaveDuplicates();
        assertThat(sim().stats().webhookSuccesses()).as("duplicates were delivered").isGreaterThan(20);
        for (Exchange exchange : received) {
            assertThat(exchange.getMessage().getHeader(DeckConstants.EVENT_SOURCE)).isEqualTo("webhook");
            assertThat(exchange.getMessage().getHeader(DeckConstants.EVENT_TYPE)).isEqualTo("task_run.completed");
            TaskRun run = exchange.getMessage().getBody(TaskRun.class);
            assertThat(run.getOutput()).as("fetchRun reads the output").isNotNull();
            assertThat(exchange.getMessage().getBody(DeckEvent.class).getDataAsTaskRun().getOutput()).isNotNull();
        }
    }

    @Test
    void eventsSentWhileTheRouteWasStoppedAreCaughtUpAtStart() throws Exception {
        startEventsRoute(eventsUri("types=task_run.completed&catchUpInterval=0"));
        Task task = quickTask();
        Set<String> before = new HashSet<>(startRuns(task, 5));
        awaitReceived(before);

        context.getRouteController().stopRoute("events");
        Set<String> during = new HashSet<>(startRuns(task, 5));
        // the deliveries fail (nothing listens on the path) until Deck gives up and deactivates the destination
        await().atMost(20, TimeUnit.SECONDS).until(() -> !sim().eventDestinations().get(0).isActive());
        sim().awaitWebhooksIdle(Duration.ofSeconds(10));

        context.getRouteController().startRoute("events");
        awaitReceived(during);
        assertThat(sim().eventDestinations().get(0).isActive()).as("autoRegister switched it back on").isTrue();
        Set<String> after = new HashSet<>(startRuns(task, 3));
        awaitReceived(after);
        sim().awaitWebhooksIdle(Duration.ofSeconds(10));

        assertThat(receivedRunIds()).as(describe()).hasSize(13).doesNotHaveDuplicates();
        long caughtUp = received.stream()
                .filter(e -> "catchUp".equals(e.getMessage().getHeader(DeckConstants.EVENT_SOURCE)))
                .map(e -> e.getMessage().getHeader(DeckConstants.RUN_ID, String.class))
                .filter(during::contains)
                .count();
        assertThat(caughtUp).isEqualTo(5);
    }

    @Test
    void reusesTheDestinationOfItsUrlAndDeletesItOnStopWhenAsked() throws Exception {
        EventDestinationInfo existing = sim().createWebhookDestination(webhookUrl("/deck/events"),
                List.of("task_run.failed"), SECRET);
        startEventsRoute(eventsUri("types=task_run.completed&catchUpInterval=0&autoUnregister=true"));

        assertThat(sim().eventDestinations()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(existing.id());
            assertThat(d.events()).containsExactlyInAnyOrder("task_run.failed", "task_run.completed");
        });
        Set<String> runs = new HashSet<>(startRuns(quickTask(), 2));
        awaitReceived(runs);

        context.getRouteController().stopRoute("events");
        assertThat(sim().eventDestinations()).isEmpty();
    }

    @Test
    void aStartThatFailsFreesTheWebhookPathAndItsThreads() throws Exception {
        sim().faults().serverErrors(1.0);
        assertThatThrownBy(() -> startEventsRoute(eventsUri("types=task_run.completed&maxRetries=0")))
                .hasStackTraceContaining("Deck answered HTTP 500 to GET /event-destinations");
        sim().faults().reset();

        String body = taskRunEvent("evt_F1", "task_run.completed", "trun_F1", "completed");
        assertThat(deliver("/deck/events", "evt_F1", body, SECRET).statusCode()).isEqualTo(404);
        String contextThreads = "(" + context.getName() + ")";
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .noneMatch(name -> name.contains(contextThreads) && name.contains("DeckEvents"));
    }

    @Test
    void aFailedExchangeIsOfferedAgainByTheNextCatchUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> sources = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(eventsUri("types=task_run.completed&catchUpInterval=300")).routeId("events")
                        .process(e -> {
                            sources.add(e.getMessage().getHeader(DeckConstants.EVENT_SOURCE, String.class));
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the database is down");
                            }
                        })
                        .process(received::add);
            }
        });
        List<String> run = startRuns(quickTask(), 1);
        awaitReceived(Set.copyOf(run));
        sim().awaitWebhooksIdle(Duration.ofSeconds(10));
        awaitEventLogReads(2); // two more catch-ups: nothing else is emitted

        assertThat(sources).containsExactly("webhook", "catchUp");
        assertThat(receivedRunIds()).containsExactlyElementsOf(run);
    }

    @Test
    void nothingIsLostWhenEveryDeliveryIsRejected() throws Exception {
        sim().faults().corruptWebhookSignatures(1.0);
        startEventsRoute(eventsUri("types=task_run.completed&catchUpInterval=500"));

        Set<String> runs = new HashSet<>(startRuns(quickTask(), 5));
        awaitReceived(runs);
        sim().awaitWebhooksIdle(Duration.ofSeconds(20));

        assertThat(sim().stats().webhookSuccesses()).isZero();
        assertThat(sim().stats().webhookFailures()).isPositive();
        assertThat(receivedRunIds()).hasSize(5).doesNotHaveDuplicates();
        assertThat(received).allSatisfy(e -> assertThat(e.getMessage().getHeader(DeckConstants.EVENT_SOURCE))
                .isEqualTo("catchUp"));
    }

    @Test
    void acceptsDeliveriesSignedAcrossASecretRotation() throws Exception {
        EventDestinationInfo destination = sim().createWebhookDestination(webhookUrl("/deck/events"),
                List.of("task_run.completed"), OTHER_SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?types=task_run.completed&catchUpInterval=0&webhookSecret=RAW(" + SECRET + ","
                        + OTHER_SECRET + ")").routeId("events").process(received::add);
            }
        });
        Task task = quickTask();
        Set<String> first = new HashSet<>(startRuns(task, 2));
        awaitReceived(first);

        sim().rotateWebhookSecret(destination.id(), SECRET);
        Set<String> second = new HashSet<>(startRuns(task, 2));
        awaitReceived(second);
        sim().awaitWebhooksIdle(Duration.ofSeconds(10));

        assertThat(sim().stats().webhookFailures()).isZero();
        assertThat(received).allSatisfy(e -> assertThat(e.getMessage().getHeader(DeckConstants.EVENT_SOURCE))
                .isEqualTo("webhook"));
    }

    @Test
    void theOffsetRepositoryKeepsWhereTheEventLogWasReadAcrossRestarts() throws Exception {
        AtomicInteger positionsSaved = new AtomicInteger();
        FileStateRepository offsets = new FileStateRepository(tempDir.resolve("offsets").toFile(), new HashMap<>()) {
            @Override
            public void setState(String key, String value) {
                super.setState(key, value);
                positionsSaved.incrementAndGet();
            }
        };
        context.getRegistry().bind("offsets", offsets);
        Task task = quickTask();
        Set<String> old = new HashSet<>(startRuns(task, 3));
        await().atMost(10, TimeUnit.SECONDS).until(() -> old.stream()
                .allMatch(id -> "completed".equals(sim().taskRun(id).status())));
        // the simulator's now: no event it recorded is later (created_after is exclusive and compared at full precision)
        offsets.start();
        offsets.setState("deck:events:/deck/events", sim().clock().now().toString());
        offsets.stop();

        // no destination: only the catch-up at start emits
        startEventsRoute("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&catchUpInterval=0"
                + "&offsetRepository=#offsets");
        Set<String> whileRunning = new HashSet<>(startRuns(task, 2));
        await().atMost(10, TimeUnit.SECONDS).until(() -> whileRunning.stream()
                .allMatch(id -> "completed".equals(sim().taskRun(id).status())));
        assertThat(received).isEmpty();

        context.getRouteController().stopRoute("events");
        assertThat(Files.readString(tempDir.resolve("offsets"))).contains("deck:events:/deck/events=");
        int savedBeforeRestart = positionsSaved.get();
        context.getRouteController().startRoute("events");

        awaitReceived(whileRunning);
        // the catch-up at start (the only one: catchUpInterval=0) saves the position when it has read the whole log
        await().atMost(10, TimeUnit.SECONDS).until(() -> positionsSaved.get() > savedBeforeRestart);
        assertThat(receivedRunIds()).as("the runs before the stored position are not read again")
                .containsExactlyInAnyOrderElementsOf(whileRunning);
    }
}
