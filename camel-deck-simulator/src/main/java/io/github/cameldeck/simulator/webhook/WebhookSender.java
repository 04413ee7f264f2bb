package io.github.cameldeck.simulator.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.simulator.core.WebhookEndpoint;

/**
 * POSTs one webhook attempt with the JDK HTTP client; success = 2xx within the timeout. The client is created on the
 * first attempt, so simulators without webhook destinations never start one.
 */
final class WebhookSender {

    private final Duration timeout;
    private final ExecutorService httpThreads;
    private HttpClient client;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger counter = new AtomicInteger();
        // the client's own threads, so that stopping the simulator ends them (its default pool lingers 60 s)
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "deck-simulator-webhook-http-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).executor(httpThreads).build();
        }
        return client;
    }

    /**
     * @return true if the receiver answered 2xx within the timeout
     * @throws InterruptedException when the simulator stops during the attempt
     */
    boolean send(WebhookEndpoint endpoint, String webhookId, long timestamp, String signature, byte[] body)
            throws InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return false;
        }
        request.header("Content-Type", "application/json");
        endpoint.customHeaders().forEach(request::header);
        request.header("webhook-id", webhookId);
        request.header("webhook-timestamp", Long.toString(timestamp));
        request.header("webhook-signature", signature);
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        try {
            int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 300;
        } catch (TimeoutException e) {
            response.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
    }

    void close() {
        httpThreads.shutdownNow();
        synchronized (this) {
            client = null; // on Java 17 its selector thread ends once the client is unreachable
        }
    }

    boolean awaitClosed(Duration wait) throws InterruptedException {
        return httpThreads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
