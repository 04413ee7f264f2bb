package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer of the onboarding demo: posts the form to the application over HTTP (the JDK {@link HttpClient}),
 * then posts each code the bank sends to the phone, until it is closed. It logs what it posts with the password and
 * the code masked, and the answers as they came.
 */
final class DemoCustomer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnboardingRoutes.LOG);
    private static final Duration PHONE_CHECK = Duration.ofMillis(200);

    private final URI server;
    private final String customer;
    private final String username;
    private final String password;
    private final Function<String, Optional<String>> phone;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param server the application's HTTP server, e.g. {@code http://127.0.0.1:8080}
     * @param phone  the credential id to the code the bank sent since the last call, if it sent one
     */
    DemoCustomer(URI server, String customer, String username, String password,
            Function<String, Optional<String>> phone) {
        this.server = server;
        this.customer = customer;
        this.username = username;
        this.password = password;
        this.phone = phone;
        this.thread = new Thread(this::onboard, "demo-customer");
        this.thread.setDaemon(true);
    }

    /** Starts posting, on its own thread. */
    void start() {
        thread.start();
    }

    private void onboard() {
        try {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("customer", customer);
            form.put("username", username);
            form.put("password", password);
            HttpResponse<String> created = post("/onboarding", form);
            LOG.info("customer   {}  POST /onboarding username={} password=****** -> {} {}", customer, username,
                    created.statusCode(), created.body());
            if (created.statusCode() != 202) {
                return;
            }
            String credentialId = json.readTree(created.body()).path("credential").asText();
            while (!closed) {
                Optional<String> code = phone.apply(credentialId);
                if (code.isPresent()) {
                    HttpResponse<String> answered = post("/onboarding/code", Map.of("customer", customer, "code",
                            code.get()));
                    JsonNode answer = json.readTree(answered.body());
                    LOG.info("customer   {}  the bank sent a code: POST /onboarding/code code=****** -> {} {}",
                            customer, answered.statusCode(), answer);
                } else {
                    Thread.sleep(PHONE_CHECK.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("customer   {}  could not post: {}", customer, e.toString());
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return post(http, server.resolve(path), fields);
    }

    /** POSTs the fields as a form ({@code application/x-www-form-urlencoded}). */
    static HttpResponse<String> post(HttpClient http, URI url, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
