package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndRoutingTest {

    static DeckSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @Test
    void missingOrWrongKeyGives401Envelope() {
        Reply missing = client.withKey(null).get("/test");
        Reply wrong = client.withKey("sk_live_wrong").get("/agents");
        for (Reply r : new Reply[]{missing, wrong}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorType()).isEqualTo("request");
            assertThat(r.errorCode()).isEqualTo("api_key_invalid");
            assertThat(TestClient.keys(r.json()))
                    .isEqualTo(TestClient.keys(Examples.load("error_unauthorized_401.json")));
        }
        // also for unknown routes: authentication comes first
        assertThat(client.withKey(null).get("/nowhere").status()).isEqualTo(401);
    }

    @Test
    void testEndpointMatchesExample() {
        Reply r = client.get("/test");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ready");
        assertThat(r.json().get("environment").asText()).isEqualTo("live");
        assertThat(TestClient.keys(r.json())).isEqualTo(TestClient.keys(Examples.load("test_response.json")));
    }

    @Test
    void everyResponseHasRequestIdInBodyAndHeaderAndJsonContentType() {
        for (Reply r : new Reply[]{client.get("/test"), client.get("/nowhere"), client.withKey("x").get("/test")}) {
            String id = r.json().get("request_id").asText();
            assertThat(id).matches("req_[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(r.header("X-Request-Id")).isEqualTo(id);
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        }
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        Reply notFound = client.get("/does-not-exist");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errorCode()).isEqualTo("not_found");

        Reply notAllowed = client.method("DELETE", "/task-runs", null);
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.errorCode()).isEqualTo("method_not_allowed");
        assertThat(notAllowed.header("Allow")).isEqualTo("GET");
    }

    @Test
    void malformedJsonIs400InvalidJson() {
        Reply r = client.post("/agents", "{\"name\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_json");
        Reply array = client.post("/agents", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void trailingSlashAndBearerCaseAreTolerated() {
        Reply r = client.send(client.request("/test/").GET().build());
        assertThat(r.status()).isEqualTo(200);
        Reply lower = client.withKey(null).send(client.withKey(null).request("/test")
                .header("Authorization", "bearer " + sim.apiKey()).GET().build());
        assertThat(lower.status()).isEqualTo(200);
    }

    @Test
    void statsCountRequestsPerRoute() {
        long before = sim.stats().requests("GET /v2/agents/{id}");
        client.get("/agents/agt_unknown");
        client.post("/agents", Map.of("name", "x"));
        assertThat(sim.stats().requests("GET /v2/agents/{id}")).isEqualTo(before + 1);
        assertThat(sim.stats().requests("POST /v2/agents")).isGreaterThanOrEqualTo(1);
        assertThat(sim.stats().totalRequests()).isGreaterThanOrEqualTo(2);
    }
}
