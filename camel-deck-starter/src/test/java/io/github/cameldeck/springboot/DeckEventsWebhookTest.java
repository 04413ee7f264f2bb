package io.github.cameldeck.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deck:events in Spring Boot: the webhooks reach the route through camel-platform-http-starter, on the application's
 * servlet container, with the secret from camel.component.deck.webhook-secret; the raw body the servlet reads verifies.
 */
@SpringBootTest(classes = DeckTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DeckEventsWebhookTest.Routes.class)
class DeckEventsWebhookTest extends DeckSimulatorSupport {

    static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("spring-boot-webhook-secret-32-b!".getBytes(StandardCharsets.UTF_8));

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder eventsRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:events?types=task_run.completed&catchUpInterval=0").routeId("deck-events")
                            .to("mock:events");
                }
            };
        }
    }

    @DynamicPropertySource
    static void webhookSecret(DynamicPropertyRegistry registry) {
        registry.add("camel.component.deck.webhook-secret", () -> SECRET);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    CamelContext camelContext;

    @Test
    void theSimulatorsSignedWebhooksReachTheRouteThroughTheServletContainer() {
        String url = "http://127.0.0.1:" + port + "/deck/events";
        sim().createWebhookDestination(url, List.of("task_run.completed"), SECRET);
        String runId = sim().startRun(quickTask().id(), Map.of("month", "2026-10")).id();

        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        await().atMost(20, TimeUnit.SECONDS).until(() -> events.getReceivedExchanges().stream()
                .anyMatch(e -> runId.equals(e.getMessage().getHeader(DeckConstants.RUN_ID))));
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(DeckConstants.EVENT_SOURCE))
                .isEqualTo("webhook");
        assertThat(events.getReceivedExchanges().get(0).getMessage().getBody(TaskRun.class).getId()).isEqualTo(runId);
        assertThat(sim().stats().webhookFailures()).isZero();
    }

    @Test
    void aTamperedDeliveryIsRejectedWith401() throws Exception {
        String body = "{\"id\":\"evt_boot_1\",\"object\":\"event\",\"type\":\"task_run.completed\","
                + "\"data\":{\"id\":\"trun_boot_1\",\"object\":\"task_run\",\"status\":\"completed\"},"
                + "\"created_at\":\"2026-03-10T14:08:12Z\"}";
        long now = System.currentTimeMillis() / 1000;
        String signature = StandardWebhookVerifier.sign(SECRET, "evt_boot_1", now,
                body.getBytes(StandardCharsets.UTF_8));
        HttpRequest tampered = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deck/events"))
                .header("Content-Type", "application/json")
                .header("webhook-id", "evt_boot_1")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("trun_boot_1", "trun_boot_2")))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(tampered, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
