package io.github.cameldeck.reliability;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook flood on deck:events: 1,000 deliveries a second for 30 s (-Dflood.seconds, -Dflood.rate), of which 10 %
 * repeat a delivery already made, 5 % carry a bad signature and 5 % a timestamp 10 minutes old; a 503 (the consumer
 * busy) is sent again later, as Deck does. Every good event must be routed once, every bad delivery refused with 401,
 * the heap must stay bounded, and afterwards the catch-up must still route what happened without a webhook.
 */
class WebhookFloodTest {

    private static final String SECRET = secret("flood-secret-flood-secret-flood!");
    private static final String WRONG_SECRET = secret("not-the-secret-not-the-secret-no");
    private static final int RECENT = 500;

    private enum Kind {
        GOOD, DUPLICATE, BAD_SIGNATURE, STALE
    }

    private record Delivery(Kind kind, String id, String body) {
    }

    private final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> routedRuns = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<Kind, LongAdder> sent = new ConcurrentHashMap<>();
    private final Set<String> refusedWrongly = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedWrongly = ConcurrentHashMap.newKeySet();
    private final LongAdder resent = new LongAdder();
    private final Map<String, LongAdder> networkErrors = new ConcurrentHashMap<>();

    @Test
    void everyGoodEventOnceEveryBadOneRefused() throws Exception {
        int seconds = Integer.getInteger("flood.seconds", 30);
        int perSecond = Integer.getInteger("flood.rate", 1000);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        CamelContext context = Deck.context(sim, 3, 0);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&catchUpInterval=2s"
                        + "&concurrentConsumers=4")
                        .process(e -> {
                            routed.computeIfAbsent(e.getIn().getHeader(DeckConstants.EVENT_ID, String.class),
                                    id -> new AtomicInteger()).incrementAndGet();
                            routedRuns.computeIfAbsent(e.getIn().getHeader(DeckConstants.RUN_ID, String.class),
                                    id -> new AtomicInteger()).incrementAndGet();
                        });
            }
        });
        ExecutorService senders = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(senders).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI url = URI.create("http://127.0.0.1:" + port + "/deck/events");
        long heapBefore;
        long heapAfter;
        long floodNanos;
        long caughtUpTwice;
        List<String> good = new ArrayList<>();
        try {
            context.start();
            heapBefore = usedHeapAfterGc();

            long begin = System.nanoTime();
            good.addAll(flood(http, url, seconds * perSecond, perSecond));
            floodNanos = System.nanoTime() - begin;
            await().atMost(2, TimeUnit.MINUTES).until(() -> good.stream().allMatch(routed::containsKey));

            // afterwards: runs that complete with no webhook at all are found by the catch-up
            Task quick = sim.createTask(sim.createAgent("After the flood").id(), "quick",
                    Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(10)));
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(sim.startRun(quick.id(), Map.of("i", i)).id());
            }
            await().atMost(1, TimeUnit.MINUTES).until(() -> runs.stream().allMatch(routedRuns::containsKey));
            heapAfter = usedHeapAfterGc();
            Thread.sleep(2_500); // one more catch-up: nothing twice
            caughtUpTwice = runs.stream().filter(id -> routedRuns.get(id).get() > 1).count();
        } finally {
            context.stop();
            senders.shutdownNow();
            sim.stop();
        }
        long doubled = routed.values().stream().filter(n -> n.get() > 1).count();
        long goodLost = good.stream().filter(id -> !routed.containsKey(id)).count();
        long refused = count(answers, 401);
        long bad = count(sent, Kind.BAD_SIGNATURE) + count(sent, Kind.STALE);
        new Figures("Webhook flood: " + perSecond + " deliveries/s for " + seconds + " s on deck:events")
                .add("deliveries sent (first attempts)", seconds * perSecond)
                .add("achieved rate", String.format("%.0f/s", seconds * perSecond / (floodNanos / 1e9)))
                .add("good events", count(sent, Kind.GOOD))
                .add("repeated deliveries", count(sent, Kind.DUPLICATE))
                .add("bad signatures", count(sent, Kind.BAD_SIGNATURE))
                .add("stale timestamps (10 min old)", count(sent, Kind.STALE))
                .add("answers 202 / 200 / 401 / 503", count(answers, 202) + " / " + count(answers, 200) + " / "
                        + refused + " / " + count(answers, 503))
                .add("sent again after a 503 or a network error", resent.sum())
                .add("network errors", networkErrors.isEmpty() ? "none" : networkErrors.toString())
                .add("good events routed once", good.size() - goodLost - doubled)
                .add("good events lost", goodLost)
                .add("events routed twice", doubled)
                .add("bad deliveries refused (401)", refused + " of " + bad)
                .add("bad deliveries routed", acceptedWrongly.size())
                .add("runs caught up afterwards (no webhook), routed twice", "20 of 20, " + caughtUpTwice)
                .add("heap used after GC, before / after", mb(heapBefore) + " / " + mb(heapAfter) + " MB")
                .publish();

        assertThat(goodLost).as("good events lost").isZero();
        assertThat(doubled).as("events routed twice").isZero();
        assertThat(caughtUpTwice).as("runs caught up twice").isZero();
        assertThat(refusedWrongly).as("good deliveries refused").isEmpty();
        assertThat(acceptedWrongly).as("bad deliveries taken").isEmpty();
        assertThat(refused).as("every bad delivery refused").isEqualTo(bad);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(128L * 1024 * 1024);
    }

    /** Sends {@code total} first deliveries at {@code perSecond}; returns the good event ids. */
    private List<String> flood(HttpClient http, URI url, int total, int perSecond) throws Exception {
        Random random = new Random(3);
        List<Delivery> recent = new ArrayList<>();
        List<String> good = new ArrayList<>();
        Semaphore inFlight = new Semaphore(256);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int dice = random.nextInt(100);
            Delivery delivery;
            if (dice < 80 || recent.isEmpty()) {
                delivery = new Delivery(Kind.GOOD, "evt_flood_" + i, body("evt_flood_" + i));
                good.add(delivery.id());
                recent.add(delivery);
                if (recent.size() > RECENT) {
                    recent.remove(0);
                }
            } else if (dice < 90) {
                Delivery original = recent.get(random.nextInt(recent.size()));
                delivery = new Delivery(Kind.DUPLICATE, original.id(), original.body());
            } else if (dice < 95) {
                delivery = new Delivery(Kind.BAD_SIGNATURE, "evt_badsig_" + i, body("evt_badsig_" + i));
            } else {
                delivery = new Delivery(Kind.STALE, "evt_stale_" + i, body("evt_stale_" + i));
            }
            sent.computeIfAbsent(delivery.kind(), k -> new LongAdder()).increment();
            inFlight.acquire();
            send(http, url, delivery, inFlight);
        }
        inFlight.acquire(256);
        inFlight.release(256);
        return good;
    }

    private void send(HttpClient http, URI url, Delivery delivery, Semaphore inFlight) {
        long now = System.currentTimeMillis() / 1000;
        long timestamp = delivery.kind() == Kind.STALE ? now - 600 : now;
        String secret = delivery.kind() == Kind.BAD_SIGNATURE ? WRONG_SECRET : SECRET;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret, delivery.id(), timestamp,
                        delivery.body().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error != null ? -1 : response.statusCode();
            if (error != null) {
                networkErrors.computeIfAbsent(String.valueOf(error.getCause() != null ? error.getCause() : error),
                        k -> new LongAdder()).increment();
            }
            answers.computeIfAbsent(status, s -> new LongAdder()).increment();
            boolean bad = delivery.kind() == Kind.BAD_SIGNATURE || delivery.kind() == Kind.STALE;
            if (status == 503 || status == -1) {
                // as Deck does: the delivery is attempted again later, freshly signed
                resent.increment();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                send(http, url, delivery, inFlight);
                return;
            }
            if (bad && status != 401) {
                acceptedWrongly.add(delivery.id());
            } else if (!bad && status == 401) {
                refusedWrongly.add(delivery.id());
            }
            inFlight.release();
        });
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"task_run.completed\",\"created_at\":\""
                + Instant.now() + "\",\"data\":{\"id\":\"trun_" + id.substring(4) + "\",\"object\":\"task_run\","
                + "\"status\":\"completed\"}}";
    }

    private static String secret(String seed) {
        return "whsec_" + Base64.getEncoder().encodeToString(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static <K> long count(Map<K, LongAdder> counts, K key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
