package io.github.cameldeck.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for the tests (java.net.http). */
final class TestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: status, headers, raw body and parsed JSON (null if the body is not JSON). */
    record Reply(int status, HttpHeaders headers, String body, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json.path("errors").path(0).path("code").asText(null);
        }

        String errorType() {
            return json.path("errors").path(0).path("type").asText(null);
        }

        String errorField() {
            return json.path("errors").path(0).path("field").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    TestClient(String baseUrl, String apiKey) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, apiKey);
    }

    TestClient(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static TestClient of(DeckSimulator sim) {
        return new TestClient(sim.baseUrl(), sim.apiKey());
    }

    TestClient withKey(String key) {
        return new TestClient(http, baseUrl, key);
    }

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).POST(bodyOf(body)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.build());
    }

    Reply method(String method, String path, Object body) {
        return method(method, path, body, Map.of());
    }

    Reply method(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).method(method, bodyOf(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    Reply patch(String path, Object body) {
        return method("PATCH", path, body);
    }

    Reply delete(String path) {
        return method("DELETE", path, null);
    }

    /** Sends and lets IOExceptions through (for dropped-connection tests). */
    Reply sendRaw(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        try {
            json = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
        } catch (IOException ignored) {
            // not JSON
        }
        return new Reply(r.statusCode(), r.headers(), r.body(), json);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            String text = body instanceof String ? (String) body : MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply send(HttpRequest request) {
        try {
            return sendRaw(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** All data items of a list, following next_cursor. */
    List<JsonNode> listAll(String pathWithQuery) {
        List<JsonNode> all = new ArrayList<>();
        String sep = pathWithQuery.contains("?") ? "&" : "?";
        Reply r = get(pathWithQuery);
        while (true) {
            if (r.status() != 200) {
                throw new AssertionError("Unexpected " + r);
            }
            r.json().get("data").forEach(all::add);
            if (!r.json().get("has_more").asBoolean()) {
                return all;
            }
            r = get(pathWithQuery + sep + "cursor=" + r.json().get("next_cursor").asText());
        }
    }

    static TreeSet<String> keys(JsonNode node) {
        TreeSet<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }
}
