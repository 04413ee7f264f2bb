package io.github.cameldeck.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.FaultInjection;
import io.github.cameldeck.simulator.SimulatorStats;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.util.IdGenerator;

/**
 * The request pipeline: count → rate limit → injected faults (drop before, server error, delay) → authentication →
 * route (404/405) → body → idempotency → handler → injected drop after → write.
 */
public final class DeckHttpHandler implements HttpHandler {

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Router router;
    private final String apiKey;
    private final RateLimiter rateLimiter;
    private final IdempotencyCache idempotency;
    private final FaultInjection faults;
    private final SimulatorStats stats;
    private final IdGenerator requestIds = new IdGenerator();

    public DeckHttpHandler(Router router, String apiKey, RateLimiter rateLimiter, IdempotencyCache idempotency,
            FaultInjection faults, SimulatorStats stats) {
        this.router = router;
        this.apiKey = apiKey;
        this.rateLimiter = rateLimiter;
        this.idempotency = idempotency;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (Throwable t) {
            if (t instanceof Error && !(t instanceof StackOverflowError)) {
                throw (Error) t;
            }
            System.err.println("deck-simulator: unexpected error: " + t);
            t.printStackTrace();
            try {
                write(exchange, ApiResponse.error(500, new DeckError("api", "api_error",
                        "An unexpected error occurred."), newRequestId()));
            } catch (IOException | RuntimeException ignored) {
                // the response may already be on its way; nothing more to do
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = newRequestId();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        Router.Match match = router.match(method, path);
        stats.recordRequest(match.routeKey());

        if (!rateLimiter.tryAcquire()) {
            stats.recordRateLimited();
            ApiResponse response = ApiResponse.error(429,
                    new DeckError("rate_limit", "rate_limit_exceeded", "Too many requests."), requestId);
            Integer retryAfter = faults.retryAfterSeconds();
            if (retryAfter != null) {
                response = response.withHeader("Retry-After", Integer.toString(retryAfter));
            }
            write(exchange, response);
            return;
        }

        boolean faulty = faults.appliesTo(match.routeKey());
        if (faulty && faults.roll(faults.dropBeforeFraction())) {
            stats.recordFault();
            return; // closing the exchange without response headers drops the connection
        }
        if (faulty && faults.roll(faults.serverErrorFraction())) {
            stats.recordFault();
            write(exchange, serverError(faults.nextServerErrorStatus(), requestId));
            return;
        }
        if (faulty && faults.roll(faults.slowFraction())) {
            stats.recordFault();
            sleep(faults.slowDelay());
        }

        ApiResponse response;
        try {
            response = process(exchange, match, method, path, requestId);
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.error(), requestId);
        }

        if (faulty && faults.roll(faults.dropAfterFraction())) {
            stats.recordFault();
            return;
        }
        if (faulty && faults.roll(faults.malformedFraction())) {
            stats.recordFault();
            response = MalformedResponses.apply(faults.nextMalformation(), response);
        }
        write(exchange, response);
    }

    private ApiResponse process(HttpExchange exchange, Router.Match match, String method, String path,
            String requestId) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String auth = authorization == null ? "" : authorization.trim();
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || !auth.substring(7).trim().equals(apiKey)) {
            throw new ApiException(401,
                    new DeckError("request", "api_key_invalid", "The API key is missing or invalid."));
        }
        if (!match.found()) {
            if (match.allowedMethods().isEmpty()) {
                throw ApiException.notFound("request", "not_found", "No route matches " + method + " " + path + ".");
            }
            ApiResponse response = ApiResponse.error(405, new DeckError("request", "method_not_allowed",
                    "Method " + method + " is not allowed on " + path + "."), requestId);
            return response.withHeader("Allow", String.join(", ", match.allowedMethods()));
        }
        ObjectNode body = readBody(exchange);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        ApiRequest request = new ApiRequest(method, path, match.routeKey(), match.params(), QueryParams.parse(rawQuery),
                body, requestId);
        EndpointHandler handler = match.route().handler();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean mutating = method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
        if (!mutating || key == null || key.isEmpty()) {
            return handler.handle(request);
        }
        IdempotencyCache.checkKey(key);
        IdempotencyCache.RequestFingerprint fingerprint = new IdempotencyCache.RequestFingerprint(method,
                rawQuery == null ? path : path + "?" + rawQuery, body);
        IdempotencyCache.Result result = idempotency.execute(key, fingerprint, () -> {
            try {
                return handler.handle(request);
            } catch (ApiException e) {
                return ApiResponse.error(e.status(), e.error(), requestId);
            }
        });
        if (result.replayed()) {
            stats.recordReplay();
        }
        return result.response();
    }

    private static ObjectNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        boolean blank = true;
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.parse(bytes);
        } catch (JacksonException e) {
            throw new ApiException(400, new DeckError("request", "invalid_json",
                    "The request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(400,
                    new DeckError("request", "invalid_json", "The request body must be a JSON object."));
        }
        return (ObjectNode) node;
    }

    private static ApiResponse serverError(int status, String requestId) {
        String message;
        switch (status) {
            case 502 :
                message = "Bad gateway.";
                break;
            case 503 :
                message = "The service is temporarily unavailable.";
                break;
            default :
                message = "An unexpected error occurred.";
        }
        return ApiResponse.error(status, new DeckError("api", "api_error", message), requestId);
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", JSON_TYPE);
        headers.set("X-Request-Id", response.requestId());
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String newRequestId() {
        return requestIds.next("req_", System.currentTimeMillis());
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
