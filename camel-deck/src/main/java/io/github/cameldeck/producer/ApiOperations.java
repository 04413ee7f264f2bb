package io.github.cameldeck.producer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.client.DeckRequest;
import io.github.cameldeck.model.ConnectionCheck;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The calls that are not about one resource: testConnection ({@code GET /test}) and request, any call Deck has or adds
 * later, sent with the same key, budget, retries, Idempotency-Key and errors as every operation.
 */
final class ApiOperations extends OperationGroup {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** A path below the base URL: no scheme, host, dot segments, fragment or characters that need encoding. */
    private static final Pattern PATH = Pattern.compile("^(/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)+$");

    ApiOperations(DeckEndpoint endpoint) {
        super(endpoint);
        register(DeckOperation.testConnection, this::testConnection);
        register(DeckOperation.request, this::request,
                () -> method(configuration.getMethod()));
    }

    private CompletableFuture<Void> testConnection(Exchange exchange) {
        return endpoint.getClient().fetch("/test", List.of(), ConnectionCheck.class).thenAccept(check -> {
            Message out = exchange.getMessage();
            out.setBody(check);
            RunHeaders.setRequestId(out, check.getRequestId());
        });
    }

    private CompletableFuture<Void> request(Exchange exchange) {
        Message in = exchange.getIn();
        String method = method(value(in, DeckConstants.METHOD, configuration.getMethod()));
        String target = required(in, DeckConstants.PATH, configuration.getPath(), "path", DeckOperation.request);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        if (!PATH.matcher(path).matches() || path.contains("//") || hasDotSegment(path)) {
            throw new IllegalArgumentException("request: the path must be a path below baseUrl such as /event-types, "
                    + "without a scheme, host or dot segments, but is '" + path + "'");
        }
        List<Map.Entry<String, String>> query = question < 0 ? List.of() : query(target.substring(question + 1));
        boolean write = !method.equals("GET");
        // a body may be anything Deck takes, and may hold a credential's password: never echoed
        JsonNode body = write ? DeckBodies.toJsonObject(in.getBody(), DeckOperation.request, true) : null;
        String key = write ? idempotencyKey(exchange, DeckOperation.request, method + " " + path) : null;
        DeckRequest request = DeckRequest.of(method, path, query, write(body), key);
        return endpoint.getClient().send(request).thenAccept(answer -> {
            Message out = exchange.getMessage();
            out.setBody(answer.isNull() ? null : DeckJson.mapper().convertValue(answer, Object.class));
            RunHeaders.setRequestId(out, answer.path("request_id").isTextual()
                    ? answer.path("request_id").asText()
                    : null);
        });
    }

    private static String method(String method) {
        String upper = method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new IllegalArgumentException("request: the method '" + method + "' is not one of GET, POST, PUT, "
                    + "PATCH, DELETE");
        }
        return upper;
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static List<Map.Entry<String, String>> query(String text) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static byte[] write(JsonNode body) {
        return body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
