package io.github.cameldeck.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeckSimulatorMainTest {

    @Test
    void parsesOptions() {
        MainOptions defaults = MainOptions.parse();
        assertThat(defaults.port()).isEqualTo(8787);
        assertThat(defaults.apiKey()).isEqualTo(DeckSimulator.DEFAULT_API_KEY);
        assertThat(defaults.rateLimit()).isEqualTo(200);
        assertThat(defaults.seed()).isTrue();

        MainOptions custom = MainOptions.parse("--port", "0", "--api-key=sk_live_k", "--rate-limit", "0",
                "--session-limit", "3", "--no-seed", "--cancelling");
        assertThat(custom.port()).isZero();
        assertThat(custom.apiKey()).isEqualTo("sk_live_k");
        assertThat(custom.rateLimit()).isZero();
        assertThat(custom.sessionLimit()).isEqualTo(3);
        assertThat(custom.seed()).isFalse();
        assertThat(custom.cancelingSpelling()).isEqualTo("cancelling");
        assertThat(MainOptions.parse("--help").help()).isTrue();

        assertThatThrownBy(() -> MainOptions.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainOptions.parse("--port", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainOptions.parse("--bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MainOptions.USAGE).contains("--port", "--api-key", "--rate-limit", "--session-limit", "--no-seed",
                "--webhook");
        assertThat(defaults.webhooks()).isEmpty();
        assertThat(MainOptions.parse("--webhook", "http://127.0.0.1:9/a", "--webhook=https://example.com/b").webhooks())
                .containsExactly("http://127.0.0.1:9/a", "https://example.com/b");
        assertThatThrownBy(() -> MainOptions.parse("--webhook", "example.com/hook"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainOptions.parse("--webhook")).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.storagePort()).isZero();
        assertThat(MainOptions.parse("--storage-port", "8788").storagePort()).isEqualTo(8788);
        assertThat(MainOptions.USAGE).contains("--storage-port");
    }

    @Test
    void startsPrintsItsUrlAndSeededIdsAndServes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        DeckSimulator sim = DeckSimulatorMain.start(MainOptions.parse("--port", "0", "--api-key", "sk_live_main"),
                out);
        try {
            String printed = buffer.toString(StandardCharsets.UTF_8);
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/v2").matcher(printed);
            assertThat(url.find()).isTrue();
            assertThat(url.group()).isEqualTo(sim.baseUrl());
            assertThat(printed).contains("sk_live_main", sim.demoData().credentialId(), sim.demoData().agentId(),
                    "Fetch Statements (MFA)", "123456", "fluffy", "Broken site", "Slow report");
            assertThat(printed).doesNotContain(DemoData.PASSWORD);
            assertThat(printed).contains("File host", sim.storageBaseUrl());

            TestClient client = new TestClient(url.group(), "sk_live_main");
            assertThat(client.get("/test").status()).isEqualTo(200);
            String taskId = sim.demoData().taskId(DemoData.FETCH_RESERVATIONS);
            assertThat(client.post("/tasks/" + taskId + "/run",
                    Map.of("credential_id", sim.demoData().credentialId())).status()).isEqualTo(201);
            assertThat(client.get("/tasks").json().get("data")).hasSize(sim.demoData().tasks().size());
        } finally {
            sim.stop();
        }
    }

    @Test
    void webhookOptionCreatesADestinationForAllEventsAndPrintsItsSecret() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            DeckSimulator sim = DeckSimulatorMain.start(
                    MainOptions.parse("--port", "0", "--no-seed", "--webhook", receiver.url()),
                    new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                EventDestinationInfo destination = sim.eventDestinations().get(0);
                assertThat(destination.url()).isEqualTo(receiver.url());
                assertThat(destination.events()).containsExactly("*");
                String secret = sim.webhookSecret(destination.id());
                assertThat(buffer.toString(StandardCharsets.UTF_8)).contains(destination.id(), secret, receiver.url());
                sim.createAgent("a");
                sim.awaitWebhooksIdle(java.time.Duration.ofSeconds(10));
                assertThat(receiver.received()).singleElement()
                        .satisfies(r -> assertThat(WebhookReceiver.verifies(r, secret)).isTrue());
            } finally {
                sim.stop();
            }
        }
    }

    @Test
    void withoutSeedNothingIsCreated() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DeckSimulator sim = DeckSimulatorMain.start(MainOptions.parse("--port", "0", "--no-seed"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(sim.demoData()).isNull();
            assertThat(sim.tasks()).isEmpty();
            assertThat(buffer.toString(StandardCharsets.UTF_8)).contains(sim.baseUrl());
        } finally {
            sim.stop();
        }
    }

    @Test
    void demoStatementRunsStoreAPdfAndACsvServedByTheFileHost() {
        try (DeckSimulator sim = DeckSimulator.builder()
                .clock(SimulatorClock.manual(java.time.Instant.parse("2026-03-10T14:05:00Z"))).seedDemoData(true)
                .build().start()) {
            DemoData.Seeded seeded = sim.demoData();
            SimulatorRun run = sim.startRun(seeded.taskId(DemoData.FETCH_STATEMENTS_MFA), null,
                    seeded.credentialId());
            sim.advance(java.time.Duration.ofSeconds(2));
            run.submitInteraction(Map.of("code", "123456"));
            sim.advance(java.time.Duration.ofSeconds(2));
            assertThat(run.status()).isEqualTo("completed");
            assertThat(run.state().storage()).extracting(StorageItem::fileName)
                    .containsExactly("statement_2026-02.pdf", "transactions_2026-02.csv");
            TestClient client = TestClient.of(sim);
            for (StorageItem item : run.state().storage()) {
                String url = client.get("/storage/" + item.id()).json().get("url").asText();
                assertThat(url).startsWith(sim.storageBaseUrl());
                Downloads.Download d = new Downloads().get(url);
                assertThat(d.bytes()).isEqualTo(item.fileSize());
                assertThat(d.sha256()).isEqualTo(Downloads.sha256(sim.fileContent(item.id())));
            }
        }
    }
}
