package io.github.cameldeck.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.Downloads.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The file host over real HTTP: bytes, headers, signed URLs on the manual clock, refusals, stats. */
class FileHostTest {

    static final Instant START = Instant.parse("2026-03-10T14:05:00Z");
    static final Duration TTL = Duration.ofHours(1);

    DeckSimulator sim;
    TestClient client;
    Downloads downloads = new Downloads();
    Task task;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(START)).rateLimit(0, Duration.ZERO).build()
                .start();
        client = TestClient.of(sim);
        task = sim.createTask(sim.createAgent("Bank").id(), "Fetch Statements",
                Scenario.completesAfter(Duration.ofSeconds(1)).withFiles(StorageFile.pdf("statement.pdf", 120_000),
                        StorageFile.csv("transactions.csv", 4_000), StorageFile.png("receipt.png", 30_000)));
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String completedRun() {
        String id = sim.startRun(task.id(), Map.of()).id();
        sim.advance(Duration.ofSeconds(2));
        return id;
    }

    private JsonNode storageItems(String runId) {
        return client.get("/task-runs/" + runId + "/storage").json().get("data");
    }

    private String urlOf(String storageId) {
        return client.get("/storage/" + storageId).json().get("url").asText();
    }

    private static String replaceQueryParam(String url, String name, String value) {
        return url.replaceAll("([?&])" + name + "=[^&]*", "$1" + name + "=" + value);
    }

    @Test
    void eachFileDownloadsAsTheBytesOfFileContentWithItsHeaders() {
        String runId = completedRun();
        JsonNode items = storageItems(runId);
        assertThat(items).extracting(i -> i.get("file_type").asText()).containsExactly("application/pdf", "text/csv",
                "image/png");
        for (JsonNode item : items) {
            String id = item.get("id").asText();
            assertThat(item.get("object").asText()).isEqualTo("storage");
            Download d = downloads.get(item.get("url").asText());
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.header("Content-Type")).isEqualTo(item.get("file_type").asText());
            assertThat(d.contentLength()).isEqualTo(item.get("file_size").asLong());
            assertThat(d.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + item.get("file_name").asText() + "\"");
            assertThat(d.bytes()).isEqualTo(item.get("file_size").asLong());
            assertThat(d.cut()).isFalse();
            assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(id)));
        }
        DownloadStats stats = sim.stats().downloads();
        assertThat(stats.started()).isEqualTo(3);
        assertThat(stats.completed()).isEqualTo(3);
        assertThat(stats.bytesServed()).isEqualTo(120_000 + 4_000 + 30_000);
    }

    @Test
    void screenshotsDownloadAsTheBytesOfScreenshotContent() {
        String runId = completedRun();
        JsonNode shots = client.get("/task-runs/" + runId + "/screenshots").json().get("data");
        assertThat(shots.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < shots.size(); i++) {
            JsonNode shot = shots.get(i);
            assertThat(shot.get("url").asText()).startsWith(sim.storageBaseUrl() + "/screenshots/" + runId + "/"
                    + (i + 1) + ".png?expires=");
            Download d = downloads.get(shot.get("url").asText());
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.header("Content-Type")).isEqualTo("image/png");
            assertThat(d.bytes()).isEqualTo(shot.get("file_size").asLong()).isEqualTo(d.contentLength());
            assertThat(d.header("Content-Disposition")).contains(shot.get("file_name").asText());
            assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.screenshotContent(runId, i + 1)));
        }
        JsonNode artifacts = client.get("/task-runs/" + runId + "?include=artifacts").json().get("artifacts");
        assertThat(downloads.get(artifacts.get("screenshots").get(0).get("url").asText()).status()).isEqualTo(200);
    }

    @Test
    void everyReadSignsAUrlThatExpiresTtlAfterTheSimulatorsNow() {
        String runId = completedRun();
        String storageId = storageItems(runId).get(0).get("id").asText();
        Instant now = sim.clock().now();

        List<String> urls = new ArrayList<>();
        urls.add(urlOf(storageId));
        urls.add(storageItems(runId).get(0).get("url").asText());
        urls.add(client.get("/task-runs/" + runId + "?include=storage").json().get("storage").get(0).get("url")
                .asText());
        for (String url : urls) {
            assertThat(url).startsWith(sim.storageBaseUrl() + "/files/" + storageId + "/statement.pdf?expires="
                    + now.plus(TTL).getEpochSecond() + "&signature=");
            assertThat(URI.create(url).getQuery()).matches("expires=\\d+&signature=[0-9a-f]{64}");
        }

        sim.advance(Duration.ofSeconds(30));
        String later = urlOf(storageId);
        assertThat(later).isNotEqualTo(urls.get(0))
                .contains("expires=" + sim.clock().now().plus(TTL).getEpochSecond() + "&");
        assertThat(downloads.get(urls.get(0)).status()).isEqualTo(200);
        assertThat(downloads.get(later).status()).isEqualTo(200);
    }

    @Test
    void anExpiredUrlIsRefusedAndReadingTheItemAgainGivesOneThatWorks() {
        String storageId = storageItems(completedRun()).get(0).get("id").asText();
        String url = urlOf(storageId);

        sim.advance(TTL.minusSeconds(1));
        assertThat(downloads.get(url).status()).isEqualTo(200);

        sim.advance(Duration.ofSeconds(1));
        Download expired = downloads.get(url);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.header("Content-Type")).isEqualTo("application/xml");
        assertThat(expired.text()).contains("<Error><Code>AccessDenied</Code><Message>Request has expired</Message>");
        assertThat(sim.stats().downloads().expired()).isEqualTo(1);

        Download fresh = downloads.get(urlOf(storageId));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(storageId)));
    }

    @Test
    void aConfiguredTtlSetsTheExpiry() {
        try (DeckSimulator shortLived = DeckSimulator.builder().clock(SimulatorClock.manual(START))
                .storageUrlTtl(Duration.ofMinutes(5)).build().start()) {
            Task t = shortLived.createTask(shortLived.createAgent("a").id(), "t");
            String runId = shortLived.startRun(t.id(), null).id();
            shortLived.advance(Duration.ofSeconds(2));
            String storageId = shortLived.taskRun(runId).storage().get(0).id();
            String url = TestClient.of(shortLived).get("/storage/" + storageId).json().get("url").asText();
            assertThat(url).contains("expires=" + shortLived.clock().now().plusSeconds(300).getEpochSecond() + "&");
            shortLived.advance(Duration.ofMinutes(5));
            assertThat(downloads.get(url).status()).isEqualTo(403);
        }
    }

    @Test
    void aWrongOrMissingSignatureIsRefused() {
        String url = urlOf(storageItems(completedRun()).get(0).get("id").asText());
        String signature = url.substring(url.indexOf("signature=") + "signature=".length());
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        long expires = sim.clock().now().plus(TTL).getEpochSecond();

        List<String> forged = List.of(replaceQueryParam(url, "signature", flipped),
                url.substring(0, url.indexOf("&signature=")),
                replaceQueryParam(url, "expires", Long.toString(expires + 3600)),
                url.substring(0, url.indexOf('?')));
        for (String bad : forged) {
            Download d = downloads.get(bad);
            assertThat(d.status()).as(bad).isEqualTo(403);
            assertThat(d.text()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
        assertThat(sim.stats().downloads().badSignature()).isEqualTo(forged.size());
        assertThat(sim.stats().downloads().started()).isZero();
    }

    @Test
    void anAuthorizationHeaderIsRefusedWith400AndCounted() {
        String url = urlOf(storageItems(completedRun()).get(0).get("id").asText());
        Download d = downloads.get(url, "Authorization", "Bearer " + sim.apiKey());
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.text()).contains("<Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only"
                + " the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header"
                + " should be specified</Message>").doesNotContain(sim.apiKey());
        assertThat(sim.stats().downloads().authorizationRefused()).isEqualTo(1);
        assertThat(downloads.get(url).status()).isEqualTo(200);
    }

    @Test
    void aFileThatDoesNotExistIs404() {
        String runId = completedRun();
        String url = urlOf(storageItems(runId).get(0).get("id").asText());
        String shot = client.get("/task-runs/" + runId + "/screenshots").json().get("data").get(0).get("url")
                .asText();
        Download renamed = downloads.get(url.replace("/statement.pdf?", "/other.pdf?"));
        assertThat(renamed.status()).isEqualTo(404);
        assertThat(renamed.text()).contains("<Code>NoSuchKey</Code>");
        assertThat(downloads.get(sim.storageBaseUrl() + "/nothing-here").status()).isEqualTo(404);

        sim.reset(); // forgets the runs and their files; the URLs are still validly signed
        assertThat(downloads.get(url).status()).isEqualTo(404);
        assertThat(downloads.get(shot).status()).isEqualTo(404);
        assertThat(sim.stats().downloads().notFound()).isEqualTo(2);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        JsonNode item = storageItems(completedRun()).get(1);
        Download d = downloads.head(urlOf(item.get("id").asText()));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentLength()).isEqualTo(4_000);
        assertThat(d.header("Content-Type")).isEqualTo("text/csv");
        assertThat(d.bytes()).isZero();
        assertThat(sim.stats().downloads().started()).isZero();
    }

    @Test
    void downloadsAreNeitherApiRequestsNorRateLimited() {
        try (DeckSimulator limited = DeckSimulator.builder().clock(SimulatorClock.manual(START))
                .rateLimit(2, Duration.ofHours(1)).build().start()) {
            Task t = limited.createTask(limited.createAgent("a").id(), "t");
            String runId = limited.startRun(t.id(), null).id();
            limited.advance(Duration.ofSeconds(2));
            TestClient api = TestClient.of(limited);
            String url = api.get("/task-runs/" + runId + "/storage").json().get("data").get(0).get("url").asText();
            for (int i = 0; i < 10; i++) {
                assertThat(downloads.get(url).status()).isEqualTo(200);
            }
            assertThat(api.get("/test").status()).isEqualTo(200);
            assertThat(api.get("/test").status()).isEqualTo(429);
            assertThat(limited.stats().totalRequests()).isEqualTo(3);
            assertThat(limited.stats().downloads().completed()).isEqualTo(10);
        }
    }

    @Test
    void aRunWithoutFilesStoresOnePdfNamedAfterTheTask() {
        Task plain = sim.createTask(task.agentId(), "Fetch Reservations");
        String runId = sim.startRun(plain.id(), null).id();
        sim.advance(Duration.ofSeconds(2));
        StorageItem item = sim.taskRun(runId).storage().get(0);
        assertThat(sim.taskRun(runId).storage()).hasSize(1);
        assertThat(item.fileName()).isEqualTo("fetch_reservations_" + runId.substring(runId.length() - 6) + ".pdf");
        assertThat(item.fileSize()).isBetween(100_000L, 299_999L);
        Download d = downloads.get(urlOf(item.id()));
        assertThat(d.bytes()).isEqualTo(item.fileSize());
        assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(item.id())));
    }

    @Test
    void aRunsInputCanChooseItsFiles() {
        Task plain = sim.createTask(task.agentId(), "Plain");
        String runId = client.post("/tasks/" + plain.id() + "/run", Map.of("input", Map.of("_scenario",
                Map.of("files", List.of(Map.of("file_name", "report 2026.csv", "file_type", "text/csv", "file_size",
                        2_000))))))
                .json().get("id").asText();
        sim.advance(Duration.ofSeconds(2));
        JsonNode item = storageItems(runId).get(0);
        assertThat(item.get("file_name").asText()).isEqualTo("report 2026.csv");
        assertThat(item.get("url").asText()).contains("/report%202026.csv?");
        Download d = downloads.get(item.get("url").asText());
        assertThat(d.bytes()).isEqualTo(2_000);
        assertThat(d.header("Content-Disposition")).isEqualTo("attachment; filename=\"report 2026.csv\"");
    }
}
