package io.github.cameldeck.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the tests: a JDK HTTP server on a free loopback port that records every POST and answers
 * as its {@link Responder} says. Also verifies Standard Webhooks signatures, independently of the simulator's code.
 */
final class WebhookReceiver implements AutoCloseable {

    static {
        // the JDK server reads this once per JVM: if a receiver starts before any simulator, every simulator of
        // the test run would otherwise lose TCP_NODELAY (see DeckHttpServer) and stall ~40 ms per request
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** One received POST; header names are lower case. */
    record Received(Map<String, String> headers, byte[] body, JsonNode json, long receivedAtMillis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String webhookId() {
            return header("webhook-id");
        }

        String type() {
            return json.get("type").asText();
        }

        /** The {@code v1,} entries of the signature header. */
        List<String> signatures() {
            List<String> list = new ArrayList<>();
            for (String entry : header("webhook-signature").split(" ")) {
                list.add(entry);
            }
            return list;
        }
    }

    /** The status to answer with for the {@code index}-th request (0-based); may sleep to be slow. */
    @FunctionalInterface
    interface Responder {
        int status(Received request, int index) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Received> received = new ArrayList<>();
    private volatile Responder responder;

    private WebhookReceiver(Responder responder) {
        this.responder = responder;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver answering 204 to everything. */
    static WebhookReceiver start() {
        return start((r, i) -> 204);
    }

    static WebhookReceiver start(Responder responder) {
        return new WebhookReceiver(responder);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/deck";
    }

    void respondWith(Responder newResponder) {
        this.responder = newResponder;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code timeout} until at least {@code count} requests arrived; returns them. */
    List<Received> awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            JsonNode json = body.length == 0 ? null : TestClient.MAPPER.readTree(body);
            Received request = new Received(headers, body, json, System.currentTimeMillis());
            int index;
            synchronized (this) {
                index = received.size();
                received.add(request);
            }
            int status;
            try {
                status = responder.status(request, index);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** True if one of the {@code v1,} entries is the HMAC-SHA256 of "{id}.{timestamp}.{body}" under the secret. */
    static boolean verifies(Received request, String secret) {
        String expected = "v1,"
                + sign(secret, request.webhookId(), request.header("webhook-timestamp"), request.body());
        for (String entry : request.signatures()) {
            if (MessageDigest.isEqual(entry.getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String content = id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8);
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
