package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedSourceTest {

    @Test
    void runsAgainstABlockedSourceAreForbidden() {
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            TestClient client = TestClient.of(sim);
            Task task = sim.createTask(sim.createAgent("a").id(), "t", Scenario.hangs());
            Source source = sim.createSource("https://blocked.example.com");
            Credential credential = sim.createCredential(source.id(), "u", "p");
            sim.blockSource(source.id());

            Reply bySource = client.post("/tasks/" + task.id() + "/run", Map.of("source_id", source.id()));
            Reply byCredential = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id()));

            for (Reply reply : new Reply[]{bySource, byCredential}) {
                assertThat(reply.status()).isEqualTo(403);
                assertThat(reply.json().at("/errors/0/type").asText()).isEqualTo("source");
                assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("source_blocked");
            }
            assertThat(sim.runCount()).isZero();
        }
    }
}
