package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;

import io.github.cameldeck.simulator.Downloads.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults of the file host, apart from the API's. */
class DownloadFaultsTest {

    DeckSimulator sim;
    TestClient client;
    Downloads downloads = new Downloads();
    String storageId;
    long size;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        sim.faults().seed(7);
        client = TestClient.of(sim);
        Task task = sim.createTask(sim.createAgent("a").id(), "t",
                Scenario.defaults().withFiles(StorageFile.pdf("statement.pdf", 300_000)));
        String runId = sim.startRun(task.id(), null).id();
        sim.advance(Duration.ofSeconds(2));
        StorageItem item = sim.taskRun(runId).storage().get(0);
        storageId = item.id();
        size = item.fileSize();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String url() {
        return client.get("/storage/" + storageId).json().get("url").asText();
    }

    @Test
    void aCutDownloadAnnouncesTheFullLengthThenClosesTheConnectionEarly() {
        String url = url();
        sim.faults().downloads().truncated(1.0);
        Download d = downloads.get(url);
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentLength()).isEqualTo(size);
        assertThat(d.cut()).isTrue();
        assertThat(d.bytes()).isPositive().isLessThan(size);
        DownloadStats stats = sim.stats().downloads();
        assertThat(stats.started()).isEqualTo(1);
        assertThat(stats.completed()).isZero();
        assertThat(stats.faultsInjected()).isEqualTo(1);
        assertThat(stats.bytesServed()).isLessThan(size);

        sim.faults().downloads().truncated(0);
        Download whole = downloads.get(url);
        assertThat(whole.cut()).isFalse();
        assertThat(whole.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(storageId)));
    }

    @Test
    void serverErrorsAre500And503InTurn() {
        String url = url();
        sim.faults().downloads().serverErrors(1.0);
        Download first = downloads.get(url);
        Download second = downloads.get(url);
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.text()).contains("<Code>InternalError</Code>");
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.text()).contains("<Code>SlowDown</Code>");
        assertThat(sim.stats().downloads().faultsInjected()).isEqualTo(2);
        assertThat(sim.stats().downloads().started()).isZero();
    }

    @Test
    void apiFaultsLeaveDownloadsAloneAndDownloadFaultsLeaveTheApiAlone() {
        String url = url();
        sim.faults().serverErrors(1.0).dropBeforeProcessing(1.0).malformedResponses(1.0);
        assertThat(downloads.get(url).status()).isEqualTo(200);
        assertThat(sim.stats().downloads().faultsInjected()).isZero();

        sim.faults().reset();
        sim.faults().downloads().serverErrors(1.0).truncated(1.0);
        assertThat(client.get("/storage/" + storageId).status()).isEqualTo(200);
        assertThat(client.get("/test").status()).isEqualTo(200);
        assertThat(sim.stats().faultsInjected()).isZero();
    }

    @Test
    void aSlowDownloadHoldsItsRate() {
        String url = url();
        sim.faults().downloads().slow(1.0, 1_000_000);
        long started = System.nanoTime();
        Download d = downloads.get(url);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(d.bytes()).isEqualTo(size);
        assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(storageId)));
        assertThat(sim.stats().downloads().faultsInjected()).isEqualTo(1);
    }

    @Test
    void resetClearsDownloadFaultsAndStats() {
        String url = url();
        sim.faults().downloads().serverErrors(0.5).truncated(0.5).slow(0.5, 1_000);
        downloads.get(url.replace("signature=", "signature=0"));
        sim.reset();
        DownloadFaults faults = sim.faults().downloads();
        assertThat(faults.serverErrorFraction()).isZero();
        assertThat(faults.truncatedFraction()).isZero();
        assertThat(faults.slowFraction()).isZero();
        assertThat(sim.stats().downloads().requests()).isZero();
        assertThat(sim.stats().downloads().badSignature()).isZero();
    }
}
