package io.github.cameldeck.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The three ways of starting a task run that the runTask benchmark compares. Each call sends
 * {@code POST /v2/tasks/{id}/run} with {@code {"input": ...}}, an Authorization header and a fresh Idempotency-Key, and
 * reads the run that comes back.
 */
final class RunTaskClients {

    private RunTaskClients() {
    }

    /** One way of calling runTask; safe for concurrent callers. */
    interface Client extends AutoCloseable {
        String name();

        /** Starts a run with this input and returns its id. */
        String runTask(Map<String, Object> input) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    static final String CAMEL_DECK = "camel-deck";
    static final String JDK = "JDK HttpClient + Jackson";
    static final String CAMEL_HTTP = "camel-http route";
    static final String HC5 = "Apache HttpClient 5 + Jackson";

    static Client create(String name, String baseUrl, String apiKey, String taskId) throws Exception {
        return switch (name) {
            case CAMEL_DECK -> camelDeck(baseUrl, apiKey, taskId);
            case JDK -> jdk(baseUrl, apiKey, taskId);
            case CAMEL_HTTP -> camelHttp(baseUrl, apiKey, taskId);
            case HC5 -> httpClient5(baseUrl, apiKey, taskId);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** camel-deck: {@code template.requestBody("deck:runTask?taskId=...", input)}. */
    static Client camelDeck(String baseUrl, String apiKey, String taskId) throws Exception {
        CamelContext context = Contexts.deckUnpaced(baseUrl, apiKey);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        String uri = "deck:runTask?taskId=" + taskId;
        return new Client() {
            @Override
            public String name() {
                return CAMEL_DECK;
            }

            @Override
            public String runTask(Map<String, Object> input) {
                TaskRun run = template.requestBody(uri, input, TaskRun.class);
                return run.getId();
            }

            @Override
            public void close() throws Exception {
                template.close();
                context.close();
            }
        };
    }

    /** The floor: the same call with {@code java.net.http.HttpClient} and Jackson, no Camel. */
    static Client jdk(String baseUrl, String apiKey, String taskId) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ObjectMapper mapper = new ObjectMapper();
        URI uri = URI.create(baseUrl + "/tasks/" + taskId + "/run");
        String authorization = "Bearer " + apiKey;
        return new Client() {
            @Override
            public String name() {
                return JDK;
            }

            @Override
            @SuppressWarnings("unchecked")
            public String runTask(Map<String, Object> input) throws IOException, InterruptedException {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("input", input);
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                        .build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 201) {
                    throw new IOException("HTTP " + response.statusCode() + ": " + new String(response.body()));
                }
                Map<String, Object> run = mapper.readValue(response.body(), Map.class);
                return (String) run.get("id");
            }
        };
    }

    /**
     * A second floor, no Camel: the pooled Apache HttpClient 5 (classic) that camel-deck and camel-http are built on,
     * used directly with the pool camel-deck configures, and Jackson.
     */
    static Client httpClient5(String baseUrl, String apiKey, String taskId) {
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100)
                        .setMaxConnPerRoute(100)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
        ObjectMapper mapper = new ObjectMapper();
        String uri = baseUrl + "/tasks/" + taskId + "/run";
        String authorization = "Bearer " + apiKey;
        return new Client() {
            @Override
            public String name() {
                return HC5;
            }

            @Override
            @SuppressWarnings("unchecked")
            public String runTask(Map<String, Object> input) throws IOException {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("input", input);
                HttpPost post = new HttpPost(uri);
                post.setHeader("Authorization", authorization);
                post.setHeader("Accept", "application/json");
                post.setHeader("Idempotency-Key", UUID.randomUUID().toString());
                post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
                Map<String, Object> run = http.execute(post, response -> {
                    byte[] bytes = EntityUtils.toByteArray(response.getEntity());
                    if (response.getCode() != 201) {
                        throw new IOException("HTTP " + response.getCode() + ": " + new String(bytes));
                    }
                    return mapper.readValue(bytes, Map.class);
                });
                return (String) run.get("id");
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    /**
     * What a user writes without camel-deck: a route with camel-http and camel-jackson, the headers set by hand, the
     * answer unmarshalled to a Map.
     */
    static Client camelHttp(String baseUrl, String apiKey, String taskId) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String target = baseUrl + "/tasks/" + taskId + "/run";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:runTask")
                        .process(e -> e.getIn().setBody(Map.of("input", e.getIn().getBody())))
                        .marshal().json()
                        .setHeader("Authorization", constant("Bearer " + apiKey))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Accept", constant("application/json"))
                        .setHeader("Idempotency-Key", simple("${exchangeId}"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(target)
                        .unmarshal().json();
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        return new Client() {
            @Override
            public String name() {
                return CAMEL_HTTP;
            }

            @Override
            public String runTask(Map<String, Object> input) {
                Map<?, ?> run = template.requestBody("direct:runTask", input, Map.class);
                return (String) run.get("id");
            }

            @Override
            public void close() throws Exception {
                template.close();
                context.close();
            }
        };
    }
}
