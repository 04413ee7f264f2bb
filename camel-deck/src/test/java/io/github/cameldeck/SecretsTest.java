package io.github.cameldeck;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API key appears in no exception message, printed endpoint URI or log line of camel-deck or Camel, even at TRACE,
 * when it is configured on the component as the guide recommends.
 */
class SecretsTest extends DeckTestSupport {

    private static final String WRONG_KEY = "sk_live_wrongwrongwrongwrong42";

    @Test
    void anEndpointUriWithTheKeyIsPrintedMasked() {
        Endpoint endpoint = context.getEndpoint("deck:getTaskRun?apiKey=RAW(" + deck.apiKey() + ")&runId=trun_1");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(deck.apiKey());
        assertThat(endpoint.toString()).doesNotContain(deck.apiKey());
        Endpoint plain = context.getEndpoint("deck:getTaskRun?apiKey=" + WRONG_KEY + "&runId=trun_1");
        assertThat(plain.toString()).doesNotContain(WRONG_KEY);
    }

    @Test
    void theKeyIsNowhereInMessagesOrLogs() throws Exception {
        DeckComponent wrong = new DeckComponent();
        wrong.getConfiguration().setApiKey(WRONG_KEY);
        wrong.getConfiguration().setBaseUrl(deck.baseUrl());
        context.addComponent("deckWrongKey", wrong);
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        try {
            Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(100))
                    .withQueueTime(Duration.ofMillis(10))
                    .withInteraction(Interaction.mfa("123456")));

            TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(),
                    Map.of("x", 1),
                    TaskRun.class);
            template.requestBodyAndHeader("deck:submitInteraction?waitForCompletion=true", Map.of("code", "123456"),
                    DeckConstants.RUN_ID, run.getId());

            Exchange unauthorized = template.request("deckWrongKey:getTaskRun?runId=" + run.getId(), e -> {
            });
            DeckApiException e = (DeckApiException) unauthorized.getException();
            assertThat(e.getHttpResponseCode()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("api_key_invalid");
            assertThat(e.getMessage()).doesNotContain(WRONG_KEY);
            LoggerFactory.getLogger(SecretsTest.class).info("Logged by the test: the failure was {}", e.getMessage(),
                    e);
        } finally {
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.DEBUG);
        }
        String logs = readTestLog();
        assertThat(logs).as("the test log").contains("Logged by the test").contains("TRACE");
        assertThat(logs).doesNotContain(deck.apiKey()).doesNotContain(WRONG_KEY);
        String console = DeckConsoles.everything(context);
        assertThat(console).as("the deck dev console").contains("api_key_invalid").contains("budget-2");
        assertThat(console).doesNotContain(deck.apiKey()).doesNotContain(WRONG_KEY);
    }

    @Test
    void aSignedUrlsSignatureIsNowhereInMessagesOrLogs() throws Exception {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(100))
                .withQueueTime(Duration.ofMillis(10))
                .withFiles(List.of(StorageFile.pdf("statement.pdf", 300_000))));
        String runId = sim().startRun(task.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        Set<String> signatures = new HashSet<>();
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        try {
            List<?> items = template.requestBody("deck:listStorage?runId=" + runId, null, List.class);
            StorageItem item = (StorageItem) items.get(0);
            signatures.add(signature(item.getUrl()));
            template.requestBody("deck:downloadStorage", item);

            sim().faults().downloads().truncated(1.0);
            Exchange failed = template.request("deck:downloadStorage?storageId=" + item.getId(), e -> {
            });
            signatures.add(signature(template.requestBody("deck:getStorage?storageId=" + item.getId(), null,
                    StorageItem.class).getUrl()));
            assertThat(failed.getException()).isInstanceOf(DeckDownloadException.class);
            LoggerFactory.getLogger(SecretsTest.class).info("Logged by the test: the download failed with {}",
                    failed.getException().getMessage(), failed.getException());
            assertThat(failed.getException().getMessage()).doesNotContain("signature=").doesNotContain("expires=");
        } finally {
            sim().faults().reset();
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.DEBUG);
        }
        String logs = readTestLog();
        assertThat(logs).as("the test log").contains("Logged by the test: the download failed");
        assertThat(signatures).allSatisfy(signature -> assertThat(logs).doesNotContain(signature));
        assertThat(logs).doesNotContain("signature=");
        String console = DeckConsoles.everything(context);
        assertThat(console).as("the deck dev console").contains("bytesDownloaded");
        assertThat(signatures).allSatisfy(signature -> assertThat(console).doesNotContain(signature));
        assertThat(console).doesNotContain("signature=").doesNotContain(deck.apiKey());
    }

    private static String signature(String url) {
        Matcher matcher = Pattern.compile("signature=([0-9a-f]+)").matcher(url);
        assertThat(matcher.find()).as("a signed URL").isTrue();
        return matcher.group(1);
    }
}
