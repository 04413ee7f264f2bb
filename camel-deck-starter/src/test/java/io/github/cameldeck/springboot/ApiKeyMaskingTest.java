package io.github.cameldeck.springboot;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key stays out of /actuator/env and /actuator/configprops although both show values, and out of the logs
 * at TRACE; everything else is shown, so the masking is what hides it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DeckTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=env,configprops,health",
        "management.endpoint.env.show-values=ALWAYS",
        "management.endpoint.configprops.show-values=ALWAYS",
        "management.endpoint.health.show-details=always",
        // a whole configuration bean, which configprops shows with the key inside
        "camel.component.deck.configuration=#bean:deckConfiguration",
        "logging.level.io.github.cameldeck=TRACE",
        "logging.level.org.apache.camel=DEBUG"})
@Import(ApiKeyMaskingTest.Beans.class)
class ApiKeyMaskingTest extends DeckSimulatorSupport {

    @TestConfiguration
    static class Beans {
        @Bean
        DeckConfiguration deckConfiguration() {
            return new DeckConfiguration();
        }

        @Bean
        RouteBuilder runTaskRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:runTask").to("deck:runTask?waitForCompletion=true&waitTimeout=20s");
                }
            };
        }
    }

    @DynamicPropertySource
    static void alsoTheEnvironmentVariableTheComponentFallsBackOn(DynamicPropertyRegistry registry) {
        registry.add("DECK_API_KEY", deck::apiKey);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    DeckConfiguration deckConfiguration;
    @Autowired
    ProducerTemplate producer;

    private String body(String endpoint) throws Exception {
        HttpResponse<String> response = new Actuator(port).get(endpoint);
        assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
        return response.body();
    }

    @Test
    void envShowsValuesButNotTheKey() throws Exception {
        String env = body("env");

        assertThat(env).contains("camel.component.deck.api-key", "DECK_API_KEY", SanitizableData.SANITIZED_VALUE)
                .contains(sim().baseUrl())
                .doesNotContain(API_KEY);
        assertThat(body("env/camel.component.deck.api-key")).doesNotContain(API_KEY);
    }

    @Test
    void configpropsShowsValuesButNotTheKey() throws Exception {
        assertThat(deckConfiguration.getApiKey()).as("the key reached the configuration bean").isEqualTo(API_KEY);

        String configprops = body("configprops");

        assertThat(configprops).contains("camel.component.deck", SanitizableData.SANITIZED_VALUE)
                .contains(sim().baseUrl())
                .doesNotContain(API_KEY);
    }

    @Test
    void neitherHealthNorTheLogsShowTheKey(CapturedOutput output) throws Exception {
        TaskRun run = producer.requestBodyAndHeader("direct:runTask", Map.of("month", "2026-10"),
                DeckConstants.TASK_ID, quickTask().id(), TaskRun.class);
        assertThat(run.getStatus()).as("the key was used").isEqualTo(TaskRunStatus.COMPLETED);

        assertThat(body("health")).doesNotContain(API_KEY);
        assertThat(output.getAll()).as("Camel logged the exchange at DEBUG").contains(">>>> deck://runTask")
                .doesNotContain(API_KEY);
    }
}
