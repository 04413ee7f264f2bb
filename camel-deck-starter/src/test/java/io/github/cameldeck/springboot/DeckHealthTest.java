package io.github.cameldeck.springboot;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The taskRuns consumer's health check shows in /actuator/health through camel-spring-boot's health indicator. */
@SpringBootTest(classes = DeckTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always",
        // with the default level Camel reports only the first check while every check is up
        "camel.health.exposure-level=full",
        "camel.component.deck.max-retries=0"})
@Import(DeckHealthTest.Routes.class)
class DeckHealthTest extends DeckSimulatorSupport {

    private static final String CHECK = "consumer:deckRuns";

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder taskRunsRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:taskRuns?delay=100").routeId("deckRuns").to("mock:runs");
                }
            };
        }
    }

    @Value("${local.server.port}")
    int port;

    @AfterEach
    void noFaults() {
        sim().faults().reset();
    }

    private JsonNode camelHealth(int httpStatus, String state) throws Exception {
        HttpResponse<String> response = new Actuator(port).get("health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(httpStatus);
        JsonNode health = Actuator.json(response);
        assertThat(health.path("status").asText()).isEqualTo(state);
        JsonNode camel = health.path("components").path("camelHealth");
        assertThat(camel.path("status").asText()).as(response.body()).isEqualTo(state);
        assertThat(camel.path("details").path(CHECK).asText()).as(response.body()).isEqualTo(state);
        return camel.path("details");
    }

    @Test
    void isUpWhileDeckAnswersAndDownWithTheHttpStatusWhileItFails() {
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> camelHealth(200, "UP"));

        sim().faults().serverErrors(1.0);
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode details = camelHealth(503, "DOWN");
            assertThat(details.path(CHECK + ".data").path("http.response.code").asText()).isIn("500", "502", "503");
        });

        sim().faults().reset();
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> camelHealth(200, "UP"));
    }
}
