package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import io.github.cameldeck.simulator.core.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDestinationEndpointsTest {

    static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("a-test-secret-of-32-bytes-length".getBytes());

    DeckSimulator sim;
    TestClient client;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-09T10:00:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private static Map<String, Object> webhook(String name, String url) {
        return Map.of("name", name, "type", "webhook", "events", List.of("task_run.completed", "task_run.failed"),
                "webhook", Map.of("url", url));
    }

    @Test
    void createGetUpdateDeleteWithTheExampleShapes() {
        Reply created = client.post("/event-destinations", webhook("Production Webhook", "https://example.com/hook"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode d = created.json();
        assertThat(TestClient.keys(d)).isEqualTo(TestClient.keys(Examples.load("event_destination_webhook.json")));
        String id = d.get("id").asText();
        assertThat(id).startsWith("evtd_");
        assertThat(d.get("object").asText()).isEqualTo("event_destination");
        assertThat(d.get("name").asText()).isEqualTo("Production Webhook");
        assertThat(d.get("status").asText()).isEqualTo("active");
        assertThat(d.get("type").asText()).isEqualTo("webhook");
        assertThat(d.get("events")).extracting(JsonNode::asText).containsExactly("task_run.completed",
                "task_run.failed");
        assertThat(TestClient.keys(d.get("webhook"))).containsExactly("url");
        assertThat(d.get("webhook").get("url").asText()).isEqualTo("https://example.com/hook");
        assertThat(d.get("created_at").asText()).isEqualTo("2026-03-09T10:00:00Z");
        assertThat(d.get("request_id").asText()).startsWith("req_");

        Reply fetched = client.get("/event-destinations/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("webhook").get("url").asText()).isEqualTo("https://example.com/hook");

        sim.advance(Duration.ofMinutes(1));
        Reply renamed = client.method("PATCH", "/event-destinations/" + id,
                Map.of("name", "Renamed", "events", List.of("*")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Renamed");
        assertThat(renamed.json().get("events")).extracting(JsonNode::asText).containsExactly("*");
        assertThat(renamed.json().get("status").asText()).isEqualTo("active");
        assertThat(renamed.json().get("updated_at").asText()).isEqualTo("2026-03-09T10:01:00Z");
        assertThat(client.listAll("/events?type=event_destination.*")).isEmpty();

        Reply off = client.method("PATCH", "/event-destinations/" + id, Map.of("status", "inactive"));
        assertThat(off.json().get("status").asText()).isEqualTo("inactive");
        client.method("PATCH", "/event-destinations/" + id, Map.of("status", "inactive")); // no change, no event
        Reply on = client.method("PATCH", "/event-destinations/" + id, Map.of("status", "active"));
        assertThat(on.json().get("status").asText()).isEqualTo("active");
        List<JsonNode> statusEvents = client.listAll("/events?type=event_destination.*");
        assertThat(statusEvents).extracting(e -> e.get("type").asText()).containsExactly(
                "event_destination.activated", "event_destination.deactivated");
        assertThat(statusEvents.get(1).get("data").get("id").asText()).isEqualTo(id);
        assertThat(statusEvents.get(1).get("data").get("status").asText()).isEqualTo("inactive");

        Reply deleted = client.method("DELETE", "/event-destinations/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(TestClient.keys(deleted.json())).isEqualTo(TestClient.keys(Examples.load("delete_response.json")));
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertThat(deleted.json().get("object").asText()).isEqualTo("event_destination");
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();

        for (Reply missing : List.of(client.get("/event-destinations/" + id),
                client.method("PATCH", "/event-destinations/" + id, Map.of("name", "x")),
                client.method("DELETE", "/event-destinations/" + id, null),
                client.get("/event-destinations/" + id + "/event-deliveries"))) {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorType()).isEqualTo("request");
            assertThat(missing.errorCode()).isEqualTo("event_destination_not_found");
        }
        assertThat(sim.eventDestinations()).isEmpty();
    }

    @Test
    void validationErrorsNameTheField() {
        String url = "https://example.com/hook";
        assertInvalid(Map.of("type", "webhook", "webhook", Map.of("url", url)), "input_missing", "name");
        assertInvalid(Map.of("name", "n", "type", "webhook"), "input_missing", "webhook.url");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", "ftp://example.com")), "input_invalid",
                "webhook.url");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", "not a url")), "input_invalid", "webhook.url");
        assertInvalid(Map.of("name", "n", "type", "carrier_pigeon", "webhook", Map.of("url", url)), "input_invalid",
                "type");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "secret", "abc")), "input_invalid",
                "webhook.secret");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "secret", "whsec_%%%not-base64")),
                "input_invalid", "webhook.secret");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "secret", "whsec_")), "input_invalid",
                "webhook.secret");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "custom_headers", "{not json")),
                "input_invalid", "webhook.custom_headers");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "custom_headers", "{\"Host\":\"x\"}")),
                "input_invalid", "webhook.custom_headers");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "custom_headers", "{\"webhook-id\":\"x\"}")),
                "input_invalid", "webhook.custom_headers");
        assertInvalid(Map.of("name", "n", "webhook", Map.of("url", url, "custom_headers", Map.of("a", "b"))),
                "input_invalid", "webhook.custom_headers");
        assertInvalid(Map.of("name", "n", "events", "*", "webhook", Map.of("url", url)), "input_invalid", "events");
        assertInvalid(Map.of("name", "n", "events", List.of(), "webhook", Map.of("url", url)), "input_invalid",
                "events");
        assertInvalid(Map.of("name", "n", "webhook", "https://example.com"), "input_invalid", "webhook");
        assertThat(sim.eventDestinations()).isEmpty();

        // unknown event types are accepted, as Deck adds new ones
        Reply ok = client.post("/event-destinations",
                Map.of("name", "n", "events", List.of("something.new"), "webhook", Map.of("url", url)));
        assertThat(ok.status()).isEqualTo(201);
        String id = ok.json().get("id").asText();
        Reply badStatus = client.method("PATCH", "/event-destinations/" + id, Map.of("status", "paused"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorField()).isEqualTo("status");
        Reply badEvents = client.method("PATCH", "/event-destinations/" + id, Map.of("events", List.of(1)));
        assertThat(badEvents.errorField()).isEqualTo("events");
        Reply badName = client.method("PATCH", "/event-destinations/" + id, Map.of("name", " "));
        assertThat(badName.errorField()).isEqualTo("name");

        assertThatThrownBy(() -> sim.createWebhookDestination("mailto:x@example.com", List.of("*")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private void assertInvalid(Map<String, Object> body, String code, String field) {
        Reply reply = client.post("/event-destinations", body);
        assertThat(reply.status()).as(body.toString()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("request");
        assertThat(reply.errorCode()).as(body.toString()).isEqualTo(code);
        assertThat(reply.errorField()).as(body.toString()).isEqualTo(field);
    }

    @Test
    void otherTypesAreStoredWithTheirPublicConfigOnly() {
        Reply sqs = client.post("/event-destinations", Map.of("name", "queue", "type", "aws_sqs", "events",
                List.of("*"), "aws_sqs", Map.of("queue_url", "https://sqs.example/q", "secret_access_key", "hush")));
        assertThat(sqs.status()).isEqualTo(201);
        assertThat(sqs.json().get("type").asText()).isEqualTo("aws_sqs");
        assertThat(TestClient.keys(sqs.json().get("aws_sqs"))).containsExactly("queue_url");
        assertThat(sqs.json().has("webhook")).isFalse();
        assertThat(sqs.body()).doesNotContain("hush");
        String id = sqs.json().get("id").asText();
        assertThatThrownBy(() -> sim.webhookSecret(id)).isInstanceOf(ApiException.class);
        assertThat(sim.eventDestination(id).url()).isNull();
    }

    @Test
    void listsPageNewestFirstWithCursors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(sim.createWebhookDestination("https://example.com/" + i, List.of("*")).id());
            sim.advance(Duration.ofMillis(10));
        }
        Reply first = client.get("/event-destinations?limit=10");
        assertThat(first.json().get("data")).hasSize(10);
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        assertThat(first.json().get("data").get(0).has("request_id")).isFalse();
        List<JsonNode> all = client.listAll("/event-destinations?limit=10");
        List<String> listed = new ArrayList<>();
        all.forEach(d -> listed.add(d.get("id").asText()));
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(listed).isEqualTo(newestFirst);
        assertThat(sim.eventDestinations()).extracting(EventDestinationInfo::id).isEqualTo(newestFirst);

        assertThat(client.get("/event-destinations?limit=101").errorField()).isEqualTo("limit");
        String cursor = first.json().get("next_cursor").asText();
        assertThat(client.get("/events?cursor=" + cursor).errorCode()).isEqualTo("cursor_invalid");
        assertThat(client.get("/event-destinations?cursor=garbage").errorCode()).isEqualTo("cursor_invalid");

        String id = ids.get(0);
        Reply deliveries = client.get("/event-destinations/" + id + "/event-deliveries");
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().get("data")).isEmpty();
        assertThat(client.get("/event-destinations/" + id + "/event-deliveries?status=pending").errorField())
                .isEqualTo("status");
        assertThat(client.get("/event-destinations/" + id + "/event-deliveries?limit=0").errorField())
                .isEqualTo("limit");
    }

    @Test
    void theSecretIsNeverInAnyResponse() {
        Map<String, Object> body = Map.of("name", "signed", "events", List.of("*"), "webhook",
                Map.of("url", "https://example.com/hook", "secret", SECRET, "custom_headers",
                        "{\"X-Api-Token\":\"header-secret-value\"}"));
        List<Reply> replies = new ArrayList<>();
        Reply created = client.post("/event-destinations", body, Map.of("Idempotency-Key", "k1"));
        replies.add(created);
        replies.add(client.post("/event-destinations", body, Map.of("Idempotency-Key", "k1"))); // replay
        String id = created.json().get("id").asText();
        replies.add(client.get("/event-destinations/" + id));
        replies.add(client.get("/event-destinations"));
        replies.add(client.method("PATCH", "/event-destinations/" + id, Map.of("status", "inactive")));
        replies.add(client.get("/events"));
        replies.add(client.get("/event-destinations/" + id + "/event-deliveries"));
        String key = SECRET.substring("whsec_".length());
        for (Reply reply : replies) {
            assertThat(reply.status()).isBetween(200, 201);
            assertThat(reply.body()).doesNotContain(key, "whsec_", "secret", "header-secret-value");
        }
        assertThat(sim.webhookSecret(id)).isEqualTo(SECRET);
        assertThat(sim.eventDestinations()).hasSize(1);

        String generated = sim.webhookSecret(sim.createWebhookDestination("https://example.com/2", null).id());
        assertThat(generated).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(generated.substring(6))).hasSize(32);
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            secrets.add(sim.webhookSecret(sim.createWebhookDestination("https://example.com/3", null).id()));
        }
        assertThat(secrets).hasSize(5);
    }
}
