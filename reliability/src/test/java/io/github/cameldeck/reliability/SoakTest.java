package io.github.cameldeck.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DownloadStats;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs created through deck:runTask and consumed through deck:taskRuns while Deck answers 10% of requests with 5xx,
 * drops 3% of connections (half before, half after executing them), answers 5% slowly, limits the organization to 60
 * requests per 10 s, and issues offset cursors so list pages shift as runs arrive. One fast run in three stores three
 * files, which a deck:storageItems route writes to disk while the file host answers 10% of downloads with 5xx and cuts
 * 5% of bodies mid-way. One run in three logs in with one of 20 customers' credentials, named by its external id
 * (looked up in Deck through the shared budget too). Failed exchanges (Camel's redeliveries exhausted) are counted.
 */
class SoakTest {

    /** Three types and sizes; the PDF is above the stream cache's 128 KB spool threshold, so it goes through disk. */
    private static final int CUSTOMERS = 20;

    private static final List<StorageFile> FILES_PER_RUN = List.of(
            StorageFile.pdf("statement.pdf", 150_000),
            StorageFile.csv("transactions.csv", 40_000),
            StorageFile.png("receipt.png", 12_000));

    @Test
    void everyRunIsStartedOnceAndEmittedOnce(@TempDir Path archive) throws Exception {
        int runs = Integer.getInteger("soak.runs", 5000);
        DeckSimulator sim = DeckSimulator.builder().rateLimit(60, Duration.ofSeconds(10)).build().start();
        sim.faults().seed(2026).serverErrors(0.10).dropBeforeProcessing(0.015).dropAfterProcessing(0.015)
                .slowResponses(0.05, Duration.ofMillis(300)).offsetCursors(true);
        sim.faults().downloads().serverErrors(0.10).truncated(0.05);
        String agent = sim.createAgent("Soak").id();
        Scenario fastScenario = Scenario.completesAfter(Duration.ofMillis(500)).withQueueTime(Duration.ofMillis(50));
        Task fast = sim.createTask(agent, "fast", fastScenario);
        Task fastWithFiles = sim.createTask(agent, "fast, with files", fastScenario.withFiles(FILES_PER_RUN));
        Task medium = sim.createTask(agent, "medium", Scenario.completesAfter(Duration.ofSeconds(3)));
        Task slow = sim.createTask(agent, "slow", Scenario.completesAfter(Duration.ofSeconds(20)));
        // the order runs are requested in: a third of them fast, and one fast run in three with files (each of those
        // costs one more request from the shared budget, its storage listing, and the budget sets the soak's pace)
        List<Task> cycle = List.of(fastWithFiles, medium, slow, fast, medium, slow, fast, medium, slow);
        // the medium runs log in as one of 20 customers, named by external id
        String source = sim.createSource("https://bank.example.com").id();
        Map<String, String> credentialOf = new ConcurrentHashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            credentialOf.put("customer-" + c,
                    sim.createCredential(source, "user-" + c, "password-" + c, "customer-" + c).id());
        }

        Set<String> started = ConcurrentHashMap.newKeySet();
        Map<String, Integer> emitted = new ConcurrentHashMap<>();
        AtomicInteger routeRedeliveries = new AtomicInteger();
        AtomicInteger failedExchanges = new AtomicInteger();
        String filesTask = fastWithFiles.id();
        ArchivedFiles files = new ArchivedFiles();
        CamelContext context = Deck.context(sim, 8, 60);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(10).redeliveryDelay(2000)
                                .onRedelivery(e -> routeRedeliveries.incrementAndGet()))
                        .to("deck:runTask")
                        .process(e -> started.add(e.getMessage().getHeader(DeckConstants.RUN_ID, String.class)));
                from("deck:taskRuns?status=completed&delay=2000&pageSize=100")
                        .process(e -> emitted.merge(e.getIn().getBody(TaskRun.class).getId(), 1, Integer::sum));
                from("deck:storageItems?taskId=" + filesTask + "&delay=2000")
                        .to("file:" + archive + "?fileName=${header.CamelDeckRunId}/${header.CamelFileName}")
                        .process(files::record);
            }
        });
        long begin = System.nanoTime();
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < runs; i++) {
                String taskId = cycle.get(i % cycle.size()).id();
                int n = i;
                String customer = taskId.equals(medium.id()) ? "customer-" + (n % CUSTOMERS) : null;
                callers.submit(() -> {
                    Exchange done = template.request("direct:start", e -> {
                        e.getIn().setBody(Map.of("n", n));
                        e.getIn().setHeader(DeckConstants.TASK_ID, taskId);
                        if (customer != null) {
                            e.getIn().setHeader(DeckConstants.EXTERNAL_ID, customer);
                        }
                    });
                    if (done.getException() != null) {
                        failedExchanges.incrementAndGet();
                    }
                });
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.MINUTES)).isTrue();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> emitted.size() >= runs && sim.taskRuns().stream().allMatch(r -> r.isTerminal())
                            && files.hasAll(ArchivedFiles.expected(sim, filesTask)));
            Thread.sleep(5000); // a few more polls: anything emitted twice would show now
        } finally {
            context.stop();
            sim.stop();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        List<TaskRunState> customerRuns = sim.taskRuns().stream().filter(r -> r.taskId().equals(medium.id())).toList();
        long wrongCredential = customerRuns.stream().filter(r -> !credentialOf
                .get("customer-" + (r.input().path("n").asInt() % CUSTOMERS)).equals(r.credentialId())).count();
        long credentialLookups = sim.stats().requests("GET /v2/credentials");

        long duplicates = emitted.values().stream().filter(c -> c > 1).count();
        long lost = started.stream().filter(id -> !emitted.containsKey(id)).count();
        Set<String> expectedFiles = ArchivedFiles.expected(sim, filesTask);
        long filesMissing = files.missing(expectedFiles);
        long filesUnexpected = files.unexpected(expectedFiles);
        long filesTwice = files.arrivedMoreThanOnce();
        long checksumMismatches = files.checksumMismatches(sim);
        DownloadStats downloads = sim.stats().downloads();
        new Figures("Soak: " + runs + " runs through faults and the rate limit")
                .add("runs requested (deck:runTask exchanges)", runs)
                .add("runs created by the simulator", sim.runCount())
                .add("distinct runs returned to the producer", started.size())
                .add("runs emitted by deck:taskRuns (distinct)", emitted.size())
                .add("runs emitted more than once", duplicates)
                .add("runs lost (started, never emitted)", lost)
                .add("HTTP requests served", sim.stats().totalRequests())
                .add("faults injected (5xx, drops, slow)", sim.stats().faultsInjected())
                .add("429 rate-limit answers", sim.stats().rateLimited())
                .add("idempotent replays (a retried POST answered with its first run)", sim.stats().idempotentReplays())
                .add("route-level redeliveries (deck retries exhausted)", routeRedeliveries.get())
                .add("failed exchanges (10 route redeliveries exhausted)", failedExchanges.get())
                .add("runs with a customer's credential (by external id)", customerRuns.size())
                .add("of which with another credential than the customer's", wrongCredential)
                .add("credential lookups by external id (GET /credentials)", credentialLookups)
                .add("files expected (" + FILES_PER_RUN.size() + " per completed run with files)",
                        expectedFiles.size())
                .add("files arrived through deck:storageItems (distinct)", files.arrived())
                .add("files arrived more than once", filesTwice)
                .add("files missing", filesMissing)
                .add("files arrived that were not expected", filesUnexpected)
                .add("files on disk whose SHA-256 differs from the simulator's", checksumMismatches)
                .add("download requests to the file host", downloads.requests())
                .add("download faults injected (5xx, bodies cut)", downloads.faultsInjected())
                .add("downloads refused for carrying the API key", downloads.authorizationRefused())
                .add("wall time", seconds + " s")
                .publish();

        assertThat(failedExchanges).as("failed exchanges").hasValue(0);
        assertThat(wrongCredential).as("runs with another credential than their customer's").isZero();
        assertThat(sim.runCount()).as("no double starts").isEqualTo(runs);
        assertThat(started).hasSize(runs);
        assertThat(duplicates).as("emitted twice").isZero();
        assertThat(lost).as("lost").isZero();
        assertThat(emitted).hasSize(runs);
        assertThat(expectedFiles).as("files expected").hasSize(FILES_PER_RUN.size() * (int) sim.taskRuns().stream()
                .filter(r -> r.taskId().equals(filesTask)).count());
        assertThat(filesMissing).as("files missing").isZero();
        assertThat(filesUnexpected).as("files not expected").isZero();
        assertThat(filesTwice).as("files arrived twice").isZero();
        assertThat(checksumMismatches).as("files with other bytes").isZero();
        assertThat(downloads.authorizationRefused()).as("API key sent to the file host").isZero();
        assertThat(downloads.faultsInjected()).as("download faults injected").isPositive();
    }
}
