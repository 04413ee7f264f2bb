package io.github.cameldeck.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;

/**
 * Part 0: the simulator's own capacity on this machine, in the same run: raw requests per second from N threads with
 * two plain JDK clients, and the simulator's CPU per request (which bounds what it could serve if it had the machine to
 * itself).
 */
final class SimulatorCapacity {

    /** One HTTP call: method, path below the base URL, JSON body or null; returns the status. */
    private interface Caller {
        int call(String method, String path, String body) throws Exception;
    }

    private SimulatorCapacity() {
    }

    static void run(Options options, Report report) throws Exception {
        int threads = options.intValue("capacityThreads");
        int seconds = options.intValue("capacitySeconds");
        report.heading("0. The simulator's capacity (same JVM, same cores, rate limit off)");
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            String agent = sim.createAgent("capacity").id();
            // runs that stay queued: the POSTs cost what the runTask benchmark costs the simulator
            Task queued = sim.createTask(agent, "Stays queued", Scenario.defaults().withQueueTime(Duration.ofHours(1)));
            Task quick = sim.createTask(agent, "Completes at once",
                    Scenario.completesAfter(Duration.ZERO).withQueueTime(Duration.ZERO));
            List<String> runIds = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                runIds.add(sim.startRun(queued.id(), Map.of("n", i)).id());
            }
            for (int i = 0; i < 10_000; i++) {
                sim.startRun(quick.id(), Map.of("n", i));
            }
            Thread.sleep(300);
            String base = sim.baseUrl();
            String auth = "Bearer " + sim.apiKey();
            Caller jdk = httpClient(base, auth);
            Caller urlConnection = urlConnection(base, auth);
            Supplier<String> byId = () -> "/task-runs/"
                    + runIds.get(ThreadLocalRandom.current().nextInt(runIds.size()));
            String run = "/tasks/" + queued.id() + "/run";
            String body = "{\"input\":{\"n\":1}}";
            String list = "/task-runs?status=completed&limit=100";

            Report.progress("capacity: warm-up");
            phase(jdk, "GET", byId, null, threads, Math.max(1, seconds));
            phase(urlConnection, "GET", byId, null, threads, 1);

            List<List<String>> rows = new ArrayList<>();
            rows.add(row("GET /v2/task-runs/{id}", "java.net.http.HttpClient", threads,
                    phase(jdk, "GET", byId, null, threads, seconds)));
            rows.add(row("GET /v2/task-runs/{id}", "HttpURLConnection", threads,
                    phase(urlConnection, "GET", byId, null, threads, seconds)));
            rows.add(row("GET /v2/task-runs?status=completed&limit=100 (of 11,000 runs)", "java.net.http.HttpClient",
                    threads, phase(jdk, "GET", () -> list, null, threads, seconds)));
            rows.add(row("GET /v2/task-runs?status=completed&limit=100 (of 11,000 runs)", "java.net.http.HttpClient",
                    1, phase(jdk, "GET", () -> list, null, 1, seconds)));
            // what an idle consumer sends: the last 5 s of completion events, none of them new
            String idleEvents = "/events?type=task_run.completed&created_after=" + Instant.now().minusSeconds(5)
                    + "&limit=100";
            rows.add(row("GET /v2/events?type=task_run.completed&created_after=(5 s ago)", "java.net.http.HttpClient",
                    threads, phase(jdk, "GET", () -> idleEvents, null, threads, seconds)));
            // last: every POST adds a queued run
            rows.add(row("POST /v2/tasks/{id}/run", "java.net.http.HttpClient", threads,
                    phase(jdk, "POST", () -> run, body, threads, seconds)));
            rows.add(row("POST /v2/tasks/{id}/run", "HttpURLConnection", threads,
                    phase(urlConnection, "POST", () -> run, body, threads, seconds)));
            report.table(List.of("request", "client", "threads", "requests/s", "p50 ms", "p99 ms",
                    "simulator CPU, % of one core", "simulator CPU per request", "simulator-only ceiling"), rows);
            report.line("The client and the simulator share the JVM and the machine's cores, so requests/s is a floor "
                    + "of the simulator's capacity. *Simulator CPU per request* is measured on its own threads (its HTTP "
                    + "workers, the JDK server's dispatcher, its ticker); *simulator-only ceiling* = cores / CPU per "
                    + "request, what it could answer with every core to itself. Machine: "
                    + Machine.loadAverage() + " load average after this part.");
        }
    }

    private static List<String> row(String request, String client, int threads, Load.Result r) {
        double micros = r.simMicrosPerRequest();
        double ceiling = Runtime.getRuntime().availableProcessors() * 1e6 / micros;
        return Report.row(request, client, threads, Stats.number(r.perSecond()),
                Stats.millis(Stats.percentile(r.latenciesNanos(), 50)),
                Stats.millis(Stats.percentile(r.latenciesNanos(), 99)), Stats.percent(r.simCpuPercent()),
                Stats.number(micros) + " µs", Stats.number(ceiling) + " req/s");
    }

    private static Load.Result phase(Caller caller, String method, Supplier<String> path, String body, int threads,
            int seconds) throws Exception {
        Load.Result result = Load.run(threads, seconds, () -> caller.call(method, path.get(), body) < 300);
        if (result.failed() > 0) {
            Report.progress("capacity: %d failed calls, first: %s", result.failed(), result.firstError());
        }
        return result;
    }

    private static Caller httpClient(String base, String auth) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return (method, path, body) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
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
                c.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                in.readAllBytes(); // read to the end so the connection goes back to the keep-alive cache
            }
            return status;
        };
    }
}
