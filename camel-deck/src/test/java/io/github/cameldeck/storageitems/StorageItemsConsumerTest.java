package io.github.cameldeck.storageitems;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The storageItems consumer: each file of each completed run once, across a restart, and its options checked. */
class StorageItemsConsumerTest extends DeckTestSupport {

    private static final String STORAGE_LISTS = "GET /v2/task-runs/{id}/storage";

    @TempDir
    Path dir;

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("files").process(e -> received.add(e.copy()));
            }
        });
    }

    private Task fast() {
        return task("Statement", Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(20)));
    }

    private Set<String> storageIds(Set<String> runIds) {
        Set<String> ids = new HashSet<>();
        for (String runId : runIds) {
            sim().taskRun(runId).storage().forEach(item -> ids.add(item.id()));
        }
        return ids;
    }

    private Set<String> completedRuns(Task task, int count) {
        Set<String> runs = new HashSet<>();
        for (int i = 0; i < count; i++) {
            runs.add(sim().startRun(task.id(), Map.of("n", i)).id());
        }
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> runs.stream().allMatch(id -> "completed".equals(sim().taskRun(id).status())));
        return runs;
    }

    @Test
    void emitsEachItemOfEachCompletedRunOnceWithoutDownloading() throws Exception {
        Set<String> runs = completedRuns(fast(), 3);
        consume("deck:storageItems?download=false&initialDelay=0&delay=100");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        awaitPolls(context, 3);

        assertThat(received).hasSize(3);
        assertThat(received).extracting(e -> e.getIn().getHeader(DeckConstants.STORAGE_ID, String.class))
                .containsExactlyInAnyOrderElementsOf(storageIds(runs));
        assertThat(received).allSatisfy(e -> {
            StorageItem item = e.getIn().getBody(StorageItem.class);
            assertThat(item.getUrl()).isNotBlank();
            assertThat(runs).contains(e.getIn().getHeader(DeckConstants.RUN_ID, String.class));
            assertThat(e.getIn().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("completed");
            assertThat(e.getIn().getHeader(DeckConstants.FILE_SIZE, Long.class)).isEqualTo(item.getFileSize());
        });
        assertThat(sim().stats().requests(STORAGE_LISTS)).as("one storage list per run").isEqualTo(3);
    }

    @Test
    void aRestartWithAFileRepositoryNeitherEmitsNorListsNorDownloadsAgain() throws Exception {
        Set<String> runs = completedRuns(fast(), 2);
        File repositoryFile = new File(dir.toFile(), "deck-files.dat");
        context.getRegistry().bind("files", FileIdempotentRepository.fileIdempotentRepository(repositoryFile, 1000));
        consume("deck:storageItems?initialDelay=0&delay=100&idempotentRepository=#files");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        awaitPolls(context, 2);
        context.getRouteController().stopRoute("files");
        context.removeRoute("files");
        long lists = sim().stats().requests(STORAGE_LISTS);
        long downloads = sim().stats().downloads().requests();

        context.getRegistry().bind("filesAgain",
                FileIdempotentRepository.fileIdempotentRepository(repositoryFile, 1000));
        consume("deck:storageItems?initialDelay=0&delay=100&idempotentRepository=#filesAgain");
        awaitPolls(context, 3);

        assertThat(received).hasSize(2);
        assertThat(received).extracting(e -> e.getIn().getHeader(DeckConstants.STORAGE_ID, String.class))
                .containsExactlyInAnyOrderElementsOf(storageIds(runs));
        assertThat(sim().stats().requests(STORAGE_LISTS)).as("runs whose files were all emitted are not listed again")
                .isEqualTo(lists);
        assertThat(sim().stats().downloads().requests()).as("nor downloaded again").isEqualTo(downloads);
    }

    @Test
    void theTwoLineArchiveWritesEachFileOnceWithItsBytes() throws Exception {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20))
                .withFiles(List.of(StorageFile.pdf("statement.pdf", 300_000), StorageFile.csv("lines.csv", 20_000))));
        Set<String> runs = completedRuns(task, 2);
        Path archive = dir.resolve("archive");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:storageItems?initialDelay=0&delay=100").routeId("archive")
                        .to("file:" + archive + "?fileName=${header.CamelDeckRunId}/${header.CamelFileName}")
                        .process(e -> received.add(e.copy()));
            }
        });

        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 4);
        awaitPolls(context, 3);

        assertThat(received).hasSize(4);
        for (String runId : runs) {
            for (var item : sim().taskRun(runId).storage()) {
                Path file = archive.resolve(runId).resolve(item.fileName());
                assertThat(sha256(Files.newInputStream(file))).as(file.toString())
                        .isEqualTo(sha256(sim().fileContent(item.id())));
            }
        }
        assertThat(sim().stats().downloads().requests()).as("each file fetched once").isEqualTo(4);
        assertThat(sim().stats().downloads().authorizationRefused()).isZero();
    }

    @Test
    void aFileWhoseExchangeFailedIsOfferedAgainAloneAndTheRunIsRecordedOnceAllSucceeded() throws Exception {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20))
                .withFiles(List.of(StorageFile.pdf("a.pdf", 2_000), StorageFile.pdf("b.pdf", 3_000))));
        String runId = completedRuns(task, 1).iterator().next();
        String failing = sim().taskRun(runId).storage().get(1).id();
        AtomicInteger failures = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:storageItems?initialDelay=0&delay=100").routeId("flaky")
                        .process(e -> {
                            received.add(e.copy());
                            if (failing.equals(e.getIn().getHeader(DeckConstants.STORAGE_ID))
                                    && failures.getAndIncrement() == 0) {
                                throw new IllegalStateException("the archive is down");
                            }
                        });
            }
        });

        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        awaitPolls(context, 3);

        assertThat(received).extracting(e -> e.getIn().getHeader(DeckConstants.STORAGE_ID, String.class))
                .as("the failed file again, the other once").hasSize(3).filteredOn(failing::equals).hasSize(2);
        assertThat(sim().stats().downloads().requests()).as("only the failed file fetched again").isEqualTo(3);
        long lists = sim().stats().requests(STORAGE_LISTS);
        awaitPolls(context, 3);
        assertThat(sim().stats().requests(STORAGE_LISTS)).as("the run is done").isEqualTo(lists);
    }

    @Test
    void onlyCompletedRunsHaveFilesToEmit() {
        assertThatThrownBy(() -> consume("deck:storageItems?status=failed"))
                .isInstanceOf(FailedToCreateRouteException.class)
                .rootCause()
                .hasMessage("The storageItems consumer emits the files of completed runs; its status option can only "
                        + "be completed, not 'failed'");
    }
}
