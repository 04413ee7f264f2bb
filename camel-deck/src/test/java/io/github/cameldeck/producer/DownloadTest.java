package io.github.cameldeck.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckDownloadException;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * downloadStorage and downloadScreenshot over real HTTP against the simulator's file host: the bytes (checksums), the
 * headers, no API key sent to the file host, and each fault: a broken body downloaded again, one that always breaks
 * off named and never written by a file: route, a refused URL named after one renewal.
 */
class DownloadTest extends DeckTestSupport {

    private static final List<StorageFile> FILES = List.of(StorageFile.pdf("statement 2026-10.pdf", 180_000),
            StorageFile.csv("transactions.csv", 40_000), StorageFile.png("receipt.png", 9_000));

    @TempDir
    Path archive;

    private final List<Exchange> saved = new CopyOnWriteArrayList<>();

    @AfterEach
    void noDownloadFaultsLeft() {
        sim().faults().reset();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:archive")
                        .to("deck:listStorage")
                        .split(body()).stopOnException()
                        .to("deck:downloadStorage")
                        .process(e -> saved.add(e.copy()))
                        .to("file:" + archive + "?fileName=${header.CamelDeckRunId}/${header.CamelFileName}");

                from("direct:save")
                        .toD("${header.uri}")
                        .setHeader("workFile", header(Exchange.FILE_LOCAL_WORK_PATH))
                        .to("file:" + archive + "?fileName=${header.CamelFileName}")
                        .process(e -> e.getIn().setHeader("workFileLeft",
                                Files.exists(Path.of(e.getIn().getHeader("workFile", String.class)))));
                // a spooled body lives as long as its exchange: read it in the route
                from("direct:download")
                        .toD("${header.uri}")
                        .process(DownloadTest::describeBody);
                // Camel's own stream caching would cache a stream after the producer: off, to see what it hands on
                from("direct:stream").streamCache("false")
                        .toD("${header.uri}")
                        .process(DownloadTest::describeBody);
            }
        };
    }

    private String completedRun(List<StorageFile> files) {
        Task task = task("Statements",
                Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10)).withFiles(files));
        String runId = sim().startRun(task.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        return runId;
    }

    private static void describeBody(Exchange e) throws IOException {
        Object body = e.getIn().getBody();
        e.getIn().setHeader("bodyClass", body.getClass());
        e.getIn().setHeader("inMemory", body instanceof StreamCache c ? c.inMemory() : null);
        try (InputStream in = e.getIn().getBody(InputStream.class)) {
            e.getIn().setHeader("sha256", sha256(in));
        }
    }

    private Exchange download(String uri, Object body) {
        return download("direct:download", uri, body);
    }

    private Exchange download(String route, String uri, Object body) {
        return template.request(route, e -> {
            e.getIn().setHeader("uri", uri);
            e.getIn().setBody(body);
        });
    }

    private String expected(String storageId) throws IOException {
        return sha256(sim().fileContent(storageId));
    }

    @Test
    void everyFileOfARunArrivesWithItsBytesAndHeaders() throws Exception {
        String runId = completedRun(FILES);

        template.sendBodyAndHeader("direct:archive", null, DeckConstants.RUN_ID, runId);

        assertThat(saved).hasSize(3);
        for (Exchange e : saved) {
            String storageId = e.getIn().getHeader(DeckConstants.STORAGE_ID, String.class);
            StorageFile file = FILES.stream().filter(f -> f.fileName().equals(e.getIn().getHeader(Exchange.FILE_NAME)))
                    .findFirst().orElseThrow();
            assertThat(e.getIn().getHeader(Exchange.CONTENT_TYPE)).isEqualTo(file.fileType());
            assertThat(e.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class)).isEqualTo(file.fileSize());
            assertThat(e.getIn().getHeader(DeckConstants.FILE_SIZE, Long.class)).isEqualTo(file.fileSize());
            assertThat(e.getIn().getHeader(DeckConstants.RUN_ID)).isEqualTo(runId);
            assertThat(sha256(Files.newInputStream(archive.resolve(runId).resolve(file.fileName()))))
                    .as(file.fileName()).isEqualTo(expected(storageId));
        }
        assertThat(sim().stats().downloads().authorizationRefused()).as("no API key sent to the file host").isZero();
        assertThat(sim().stats().requests("GET /v2/storage/{id}")).as("the listed items carried their URLs").isZero();
    }

    @Test
    void aStorageIdAloneIsReadForItsUrlFirst() throws Exception {
        String runId = completedRun(FILES.subList(0, 1));
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = download("deck:downloadStorage?storageId=" + storageId, null);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("bodyClass")).as("spooled: above the 128 KB threshold")
                .isEqualTo(File.class);
        assertThat(out.getMessage().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class)).contains("camel-deck-");
        assertThat(out.getMessage().getHeader("sha256")).isEqualTo(expected(storageId));
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("statement 2026-10.pdf");
        assertThat(sim().stats().requests("GET /v2/storage/{id}")).isEqualTo(1);
    }

    @Test
    void aBodyThatBreaksOffIsDownloadedAgain() throws Exception {
        String runId = completedRun(FILES);
        sim().faults().seed(7).downloads().truncated(0.5);

        template.sendBodyAndHeader("direct:archive", null, DeckConstants.RUN_ID, runId);

        assertThat(saved).hasSize(3);
        for (Exchange e : saved) {
            String storageId = e.getIn().getHeader(DeckConstants.STORAGE_ID, String.class);
            assertThat(sha256(Files.newInputStream(archive.resolve(runId).resolve(
                    e.getIn().getHeader(Exchange.FILE_NAME, String.class))))).isEqualTo(expected(storageId));
        }
        assertThat(sim().stats().downloads().faultsInjected()).as("bodies cut").isPositive();
    }

    @Test
    void aBodyThatAlwaysBreaksOffIsNamedAndNoFileIsWritten() throws Exception {
        String runId = completedRun(FILES.subList(0, 1));
        sim().faults().downloads().truncated(1.0);

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:archive", null,
                DeckConstants.RUN_ID, runId))
                .isInstanceOf(CamelExecutionException.class)
                .satisfies(thrown -> assertThat(ObjectHelper.getException(DeckDownloadException.class, thrown))
                        .isNotNull().satisfies(e -> {
                            assertThat(e.getMessage()).startsWith("The download of stor_").contains(" broke off: ")
                                    .contains("(gave up after 5 retries)").doesNotContain("?")
                                    .doesNotContain("signature");
                            assertThat(e.getExpectedBytes()).isEqualTo(180_000);
                            assertThat(e.getBytesRead()).isLessThan(180_000);
                        }));
        assertThat(archive.resolve(runId)).as("no partial file").doesNotExist();
    }

    @Test
    void aRefusedUrlIsRenewedOnce() {
        String runId = completedRun(FILES.subList(0, 1));
        List<?> items = template.requestBodyAndHeader("deck:listStorage", null, DeckConstants.RUN_ID, runId,
                List.class);
        StorageItem item = (StorageItem) items.get(0);
        item.setUrl(item.getUrl().replaceAll("signature=[0-9a-f]+", "signature=00"));

        Exchange renewed = template.request("deck:downloadStorage", e -> e.getIn().setBody(item));

        assertThat(renewed.getException()).isNull();
        assertThat(sim().stats().downloads().badSignature()).isEqualTo(1);
        assertThat(sim().stats().requests("GET /v2/storage/{id}")).as("one renewal").isEqualTo(1);
    }

    @Test
    void aSmallFileIsReadIntoMemory() throws Exception {
        String runId = completedRun(FILES.subList(2, 3));
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = download("deck:downloadStorage?storageId=" + storageId, null);

        assertThat(out.getMessage().getHeader("inMemory")).isEqualTo(true);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(Exchange.FILE_LOCAL_WORK_PATH);
        assertThat(out.getMessage().getHeader("sha256")).isEqualTo(expected(storageId));
    }

    @Test
    void aFileEndpointMovesTheSpooledFileInsteadOfCopyingIt() throws Exception {
        String runId = completedRun(List.of(StorageFile.pdf("large.pdf", 2_000_000)));
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = download("direct:save", "deck:downloadStorage?storageId=" + storageId, null);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("workFileLeft")).as("moved by file:, not copied").isEqualTo(false);
        assertThat(sha256(Files.newInputStream(archive.resolve("large.pdf")))).isEqualTo(expected(storageId));
    }

    @Test
    void disableStreamCacheHandsTheOpenStreamOn() throws Exception {
        String runId = completedRun(FILES.subList(1, 2));
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = download("direct:stream", "deck:downloadStorage?disableStreamCache=true&storageId=" + storageId,
                null);

        Class<?> bodyClass = out.getMessage().getHeader("bodyClass", Class.class);
        assertThat(InputStream.class.isAssignableFrom(bodyClass)).isTrue();
        assertThat(StreamCache.class.isAssignableFrom(bodyClass)).as("not read whole first").isFalse();
        assertThat(out.getMessage().getHeader("sha256")).isEqualTo(expected(storageId));
    }

    @Test
    void aLargeFileIsSpooledToDiskNotHeldInMemory() throws Exception {
        String runId = completedRun(List.of(StorageFile.pdf("large.pdf", 8_000_000)));
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = download("deck:downloadStorage?storageId=" + storageId, null);

        assertThat(out.getMessage().getHeader("bodyClass")).isEqualTo(File.class);
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class)).isEqualTo(8_000_000);
        assertThat(out.getMessage().getHeader("sha256")).isEqualTo(expected(storageId));
        try (var spooled = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(spooled.filter(p -> p.getFileName().toString().startsWith("camel-deck-")))
                    .as("the spool file is deleted with its exchange").isEmpty();
        }
    }

    @Test
    void screenshotsDownloadWithTheirBytes() throws Exception {
        String runId = completedRun(FILES.subList(2, 3));
        List<?> screenshots = template.requestBody("deck:listScreenshots?runId=" + runId, null, List.class);

        Exchange out = download("deck:downloadScreenshot?runId=" + runId, screenshots.get(0));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(out.getMessage().getHeader("sha256")).isEqualTo(sha256(sim().screenshotContent(runId, 1)));
    }
}
