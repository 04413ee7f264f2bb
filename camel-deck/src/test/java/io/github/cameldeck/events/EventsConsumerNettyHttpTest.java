package io.github.cameldeck.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deck:events on another HTTP component than platform-http: netty-http, chosen with webhookComponentName and bound
 * where Camel's rest configuration says, with the same verification and answers.
 */
class EventsConsumerNettyHttpTest extends DeckTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().component("netty-http").host("127.0.0.1").port(port);
                from("deck:events?webhookComponentName=netty-http&webhookSecret=RAW(" + SECRET
                        + ")&catchUpInterval=0&types=task_run.completed")
                        .routeId("events")
                        .to("mock:events");
            }
        };
    }

    @Test
    void receivesVerifiedDeliveriesOnNettyHttp() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedHeaderReceived(DeckConstants.EVENT_ID, "evt_N1");
        String body = EventsConsumerTestSupport.taskRunEvent("evt_N1", "task_run.completed", "trun_N1", "completed");

        assertThat(post("evt_N1", body, SECRET).statusCode()).isEqualTo(202);
        assertThat(post("evt_N1", body, SECRET).statusCode()).as("a duplicate").isEqualTo(200);
        assertThat(post("evt_N2", body, OTHER_SECRET).statusCode()).as("a wrong signature").isEqualTo(401);

        mock.setAssertPeriod(200);
        mock.assertIsSatisfied();
    }

    private HttpResponse<String> post(String webhookId, String body, String secret) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String signature = StandardWebhookVerifier.sign(secret, webhookId, now, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deck/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
