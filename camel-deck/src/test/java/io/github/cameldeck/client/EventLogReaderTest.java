package io.github.cameldeck.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.simulator.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one reader of Deck's event log: every page, each oldest first, one request per page; it stops when told. */
class EventLogReaderTest extends DeckTestSupport {

    private static final int RUNS = 150;

    private EventLogReader completedEvents() {
        DeckClient client = context.getEndpoint("deck:listTaskRuns", DeckEndpoint.class).getClient();
        return new EventLogReader(client, List.of("task_run.completed"));
    }

    private void completeRuns() {
        Task task = quickTask();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ids.add(sim().startRun(task.id(), Map.of("i", i)).id());
        }
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> ids.stream().allMatch(id -> "completed".equals(sim().taskRun(id).status())));
    }

    @Test
    void readsEveryPageOldestFirst() {
        completeRuns();
        List<List<DeckEvent>> pages = new ArrayList<>();
        long before = sim().stats().totalRequests();

        EventLogReader.Read read = completedEvents().read(Instant.now().minus(Duration.ofHours(1)),
                (page, serverTime) -> {
                    pages.add(page);
                    return true;
                });

        assertThat(sim().stats().totalRequests() - before).as("one request per page").isEqualTo(2);
        assertThat(pages).hasSize(2);
        assertThat(pages.stream().mapToInt(List::size).sum()).isEqualTo(RUNS);
        for (List<DeckEvent> page : pages) {
            assertThat(page).isSortedAccordingTo(DeckEvent.OLDEST_FIRST);
            assertThat(page).allMatch(e -> "task_run.completed".equals(e.getType()));
        }
        assertThat(read.complete()).isTrue();
        assertThat(read.serverTime()).as("Deck's Date header").isNotNull();
        Instant newest = pages.stream().flatMap(List::stream).map(DeckEvent::createdAtInstant)
                .max(Instant::compareTo).orElseThrow();
        assertThat(read.newest()).isEqualTo(newest);
    }

    @Test
    void stopsWhereTheHandlerSays() {
        completeRuns();
        long before = sim().stats().totalRequests();

        EventLogReader.Read read = completedEvents().read(Instant.now().minus(Duration.ofHours(1)),
                (page, serverTime) -> false);

        assertThat(read.complete()).isFalse();
        assertThat(sim().stats().totalRequests() - before).isEqualTo(1);
    }

    @Test
    void anIdleReadIsOneRequestForAnEmptyPage() {
        long before = sim().stats().totalRequests();
        List<DeckEvent> seen = new ArrayList<>();

        EventLogReader.Read read = completedEvents().read(Instant.now(), (page, serverTime) -> {
            seen.addAll(page);
            return true;
        });

        assertThat(seen).isEmpty();
        assertThat(read.newest()).isNull();
        assertThat(read.complete()).isTrue();
        assertThat(sim().stats().totalRequests() - before).isEqualTo(1);
    }
}
