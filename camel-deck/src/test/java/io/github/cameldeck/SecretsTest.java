package io.github.cameldeck;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

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
    }
}
