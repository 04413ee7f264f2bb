package io.github.cameldeck.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;

/**
 * Tests of the events consumer: Camel's platform-http runs on Vert.x on a free loopback port, and deliveries are signed
 * like Deck's.
 */
abstract class EventsConsumerTestSupport extends DeckTestSupport {

    protected final int httpPort = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(httpPort);
        context.addService(new VertxPlatformHttpServer(configuration));
        return context;
    }

    protected String webhookUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** POSTs a delivery signed with {@code secret} at the current time. */
    protected HttpResponse<String> deliver(String path, String webhookId, String body, String secret) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return deliver(path, webhookId, now, body,
                StandardWebhookVerifier.sign(secret, webhookId, now, body.getBytes(StandardCharsets.UTF_8)));
    }

    protected HttpResponse<String> deliver(String path, String webhookId, long timestamp, String body, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl(path)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (webhookId != null) {
            request.header("webhook-id", webhookId);
        }
        request.header("webhook-timestamp", Long.toString(timestamp));
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A task_run event as Deck sends it. */
    static String taskRunEvent(String eventId, String type, String runId, String status) {
        return """
                {"id":"%s","object":"event","type":"%s","data":{"id":"%s","object":"task_run","status":"%s",\
                "result":%s,"task_id":"task_01TEST","credential_id":"cred_01TEST","agent_id":"agt_01TEST",\
                "source_id":"src_01TEST","runtime_ms":1200,"created_at":"2026-03-10T14:05:00Z",\
                "updated_at":"2026-03-10T14:08:12Z"},"created_at":"2026-03-10T14:08:12Z"}"""
                .formatted(eventId, type, runId, status, "completed".equals(status) ? "\"success\"" : "null");
    }
}
