package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.Downloads.Download;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB file goes through HTTP and through {@code fileContent} as streams. The pom runs this class alone in a JVM
 * whose heap is smaller than the file, so a copy held by the simulator or the test would fail it.
 */
class LargeFileDownloadTest {

    static final long GIB = 1_073_741_824L;

    @Test
    void aGigabyteFileDownloadsAsTheBytesOfFileContent() {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap limit of this test's JVM").isLessThan(GIB / 2);
        try (DeckSimulator sim = DeckSimulator.builder()
                .clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z"))).build().start()) {
            Task task = sim.createTask(sim.createAgent("a").id(), "Archive",
                    Scenario.defaults().withFiles(StorageFile.pdf("archive.pdf", GIB)));
            String runId = sim.startRun(task.id(), null).id();
            sim.advance(Duration.ofSeconds(2));
            JsonNode item = TestClient.of(sim).get("/task-runs/" + runId + "/storage").json().get("data").get(0);
            assertThat(item.get("file_size").asLong()).isEqualTo(GIB);

            Download d = new Downloads().get(item.get("url").asText());

            assertThat(d.status()).isEqualTo(200);
            assertThat(d.contentLength()).isEqualTo(GIB);
            assertThat(d.bytes()).isEqualTo(GIB);
            assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(item.get("id").asText())));
            assertThat(sim.stats().downloads().bytesServed()).isEqualTo(GIB);
            assertThat(sim.stats().downloads().completed()).isEqualTo(1);
        }
    }
}
