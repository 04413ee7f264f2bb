package io.github.cameldeck.simulator;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Not a unit test: measures requests/second against a local simulator (rate limit off) from N client threads, then
 * memory and list latency with 100,000 runs. Two pooled (keep-alive) clients are used: {@code java.net.http.HttpClient}
 * (what the project's tests use; on few cores its own CPU use dominates) and {@code HttpURLConnection} (lighter,
 * closer to the server's capacity). Client and server share the JVM and the cores. Run with
 *
 * <pre>
 * mvn -q -pl camel-deck-simulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.cameldeck.simulator.SimulatorThroughputCheck [-Dexec.args="16 5"]
 * </pre>
 *
 * Arguments: client threads (default 16), seconds per phase (default 5).
 */
public final class SimulatorThroughputCheck {

    /** One HTTP call: method, path (below the base URL), JSON body or null; returns the status. */
    private interface Caller {
        int call(String method, String path, String body) throws Exception;
    }

    private SimulatorThroughputCheck() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("cores=%d, client threads=%d, %d s per phase, java %s%n",
                Runtime.getRuntime().availableProcessors(), threads, seconds, System.getProperty("java.version"));
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            Task task = sim.createTask(sim.createAgent("bench").id(), "Bench task");
            List<String> runIds = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                runIds.add(sim.startRun(task.id(), null).id());
            }
            String base = sim.baseUrl();
            String auth = "Bearer " + sim.apiKey();
            Caller httpClient = httpClient(base, auth);
            Caller urlConnection = urlConnection(base, auth);
            Supplier<String> runPath = () -> "/task-runs/" + runIds.get(ThreadLocalRandom.current().nextInt(1000));
            String runTask = "/tasks/" + task.id() + "/run";
            String body = "{\"input\":{\"n\":1}}";

            phase("(warm-up)", httpClient, "GET", runPath, null, threads, 5);
            phase("(warm-up)", urlConnection, "GET", runPath, null, threads, 3);
            phase("GET /v2/task-runs/{id}        HttpClient", httpClient, "GET", runPath, null, threads, seconds);
            phase("GET /v2/task-runs/{id}        HttpURLConnection", urlConnection, "GET", runPath, null, threads,
                    seconds);
            phase("POST /v2/tasks/{id}/run       HttpClient", httpClient, "POST", () -> runTask, body, threads,
                    seconds);
            phase("POST /v2/tasks/{id}/run       HttpURLConnection", urlConnection, "POST", () -> runTask, body,
                    threads, seconds);
            String list = "/task-runs?limit=100&status=completed";
            phase("GET /v2" + list + " (" + sim.runCount() + " runs)", httpClient, "GET", () -> list, null, threads,
                    seconds);

            sim.reset();
            System.gc();
            long before = usedHeap();
            long start = System.nanoTime();
            for (int i = 0; i < 100_000; i++) {
                sim.startRun(task.id(), Map.of("n", i));
            }
            double createMs = (System.nanoTime() - start) / 1e6;
            Thread.sleep(2500); // let them complete (default scenario: 1.2 s)
            System.gc();
            long after = usedHeap();
            System.out.printf("100,000 completed runs: created in %.0f ms (Java API), %d events, heap +%d MB%n",
                    createMs, sim.eventCount(), (after - before) / (1024 * 1024));
            phase("GET /v2" + list + " (100,000 runs)", httpClient, "GET", () -> list, null, threads, seconds);
            phase("GET /v2/task-runs?search=zzz (100,000 runs, full scan)", httpClient, "GET",
                    () -> "/task-runs?search=zzz", null, threads, seconds);
        }
    }

    private static Caller httpClient(String base, String auth) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return (method, path, body) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        };
    }

    private static Caller urlConnection(String base, String auth) {
        return (method, path, body) -> {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", auth);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                in.readAllBytes(); // fully read so the connection returns to the keep-alive cache
            }
            return status;
        };
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void phase(String name, Caller caller, String method, Supplier<String> path, String body,
            int threads, int seconds) throws Exception {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (caller.call(method, path.get(), body) < 300) {
                            ok.increment();
                        } else {
                            failed.increment();
                        }
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!name.startsWith("(")) {
            System.out.printf("%-70s %7.0f req/s  (%d ok, %d failed)%n", name, ok.sum() / elapsed, ok.sum(),
                    failed.sum());
        }
    }
}
