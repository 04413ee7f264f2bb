package io.github.cameldeck.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.EventDeliveryInfo;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorStats;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Part 5: the push consumer ({@code deck:events}, Deck's signed webhooks received on Camel's platform-http) next to the
 * polling consumer ({@code deck:taskRuns}, default options), both in one CamelContext, on the same runs at the same
 * time, against a simulator with Deck's rate limit on. Per consumer: the time from a run's completion to the arrival of
 * its exchange, the requests it sent to Deck, and whether it emitted every run exactly once.
 * <p>
 * Both consumers' requests reach the simulator as {@code GET /v2/events} (among others), so the simulator's counts per
 * route cannot tell them apart. The events endpoint is therefore pointed at the same simulator under the host name
 * {@code localhost} ({@code baseUrl}), the polling one under {@code 127.0.0.1}, and a request interceptor on the
 * component's shared HTTP client counts each request by host; the sum is checked against the simulator's own count.
 */
final class PushBenchmark {

    static final String POLLING = "deck:taskRuns";
    static final String PUSH = "deck:events";
    private static final String POLLING_HOST = "127.0.0.1";
    private static final String PUSH_HOST = "localhost";
    private static final Duration RUN_TIME = Duration.ofSeconds(1);
    private static final int WARMUP_RUNS = 50;

    private PushBenchmark() {
    }

    static void run(Options options, Report report) throws Exception {
        List<int[]> phases = options.list("pushPhases").stream()
                .map(p -> p.split("x"))
                .map(p -> new int[]{Integer.parseInt(p[0]), Integer.parseInt(p[1])})
                .toList();
        report.heading("5. Push (deck:events) vs polling (deck:taskRuns): completion-to-exchange latency");
        try (DeckSimulator sim = DeckSimulator.builder().build().start()) {
            String agent = sim.createAgent("push").id();
            Task task = sim.createTask(agent, "Push latency task",
                    Scenario.completesAfter(RUN_TIME).withQueueTime(Duration.ZERO));
            int httpPort = freePort();
            String secret = newSecret();
            String simHostUrl = "http://" + PUSH_HOST + ":" + sim.port() + "/v2";
            String publicUrl = "http://127.0.0.1:" + httpPort + "/deck/events";

            Received polling = new Received();
            Received push = new Received();
            RequestCounter requests = new RequestCounter();
            CamelContext context = Contexts.deck(sim.baseUrl(), sim.apiKey());
            context.getComponent("deck", DeckComponent.class).setHttpClientConfigurer(requests);
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(httpPort);
            context.addService(new VertxPlatformHttpServer(http));
            String eventsUri = PUSH + "?types=task_run.completed&webhookSecret=RAW(" + secret
                    + ")&autoRegister=true&publicUrl=" + publicUrl + "&baseUrl=RAW(" + simHostUrl + ")";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(POLLING).routeId("polling").process(exchange -> polling.record(
                            exchange.getIn().getBody(TaskRun.class).getId(), System.nanoTime(), "poll"));
                    from(eventsUri).routeId("push").process(exchange -> push.record(
                            exchange.getIn().getHeader(DeckConstants.RUN_ID, String.class), System.nanoTime(),
                            exchange.getIn().getHeader(DeckConstants.EVENT_SOURCE, String.class)));
                }
            });

            Map<String, Long> simBeforeAll = sim.stats().routes();
            Map<String, Map<String, Long>> clientBeforeAll = requests.snapshot();
            long startAll = System.nanoTime();
            context.start();
            try {
                List<EventDestinationInfo> destinations = sim.eventDestinations();
                if (destinations.size() != 1) {
                    throw new IllegalStateException(
                            "autoRegister should have created one destination: " + destinations);
                }
                EventDestinationInfo destination = destinations.get(0);
                Report.progress("push: webhooks on %s, destination %s (%s, %s)", publicUrl, destination.id(),
                        destination.status(), destination.events());

                // warm-up (not reported): the JIT, the connections, Vert.x; both consumers see every warm-up run
                Map<String, Long> warmup = PoissonRuns.start(sim, task, 10, WARMUP_RUNS, RUN_TIME, -1);
                awaitAll(warmup.keySet(), polling, push, 75);
                Thread.sleep(7000);

                List<List<String>> rows = new ArrayList<>();
                List<List<String>> ratios = new ArrayList<>();
                Map<String, Long> allDue = new HashMap<>(warmup);
                int index = 0;
                for (int[] phase : phases) {
                    int perSecond = phase[0];
                    int runs = perSecond * phase[1];
                    SimulatorStats stats = sim.stats();
                    Map<String, Long> simBefore = stats.routes();
                    Map<String, Map<String, Long>> clientBefore = requests.snapshot();
                    Map<String, Long> tooManyBefore = requests.rateLimitedSnapshot();
                    long attemptsBefore = stats.webhookAttempts();
                    long successesBefore = stats.webhookSuccesses();
                    long failuresBefore = stats.webhookFailures();
                    long rateLimitedBefore = stats.rateLimited();
                    long[] ticks = Machine.cpuTicks();
                    Report.progress("push: %d runs completing at %d per second on average", runs, perSecond);
                    long start = System.nanoTime();
                    Map<String, Long> due = PoissonRuns.start(sim, task, perSecond, perSecond * phase[1], RUN_TIME,
                            index);
                    allDue.putAll(due);
                    awaitAll(due.keySet(), polling, push, 75);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double busy = Machine.busyPercent(ticks, Machine.cpuTicks());
                    Map<String, Map<String, Long>> clientDiff = RequestCounter.diffByHost(clientBefore,
                            requests.snapshot());
                    long simTotal = total(RequestCounter.diff(simBefore, sim.stats().routes()));
                    long clientTotal = clientDiff.values().stream().mapToLong(PushBenchmark::total).sum();
                    if (simTotal != clientTotal) {
                        Report.progress("push: the simulator counted %d requests in the phase, the interceptor %d",
                                simTotal, clientTotal);
                    }
                    Map<String, Long> tooMany = requests.rateLimitedSnapshot();
                    long attempts = sim.stats().webhookAttempts() - attemptsBefore;
                    long successes = sim.stats().webhookSuccesses() - successesBefore;
                    long failures = sim.stats().webhookFailures() - failuresBefore;
                    long rateLimited = sim.stats().rateLimited() - rateLimitedBefore;
                    long[] pollLatencies = polling.latencies(due);
                    long[] pushLatencies = push.latencies(due);
                    String label = perSecond + " runs/s";
                    rows.add(row(label, POLLING + " (default options)", runs, polling.exchanges(due.keySet()),
                            pollLatencies, clientDiff.getOrDefault(POLLING_HOST, Map.of()), elapsed, "–",
                            tooMany.getOrDefault(POLLING_HOST, 0L) - tooManyBefore.getOrDefault(POLLING_HOST, 0L),
                            busy));
                    rows.add(row(label, PUSH + " (webhooks)", runs, push.exchanges(due.keySet()), pushLatencies,
                            clientDiff.getOrDefault(PUSH_HOST, Map.of()), elapsed,
                            String.format(Locale.ROOT, "%,d (%,d ok, %,d failed)", attempts, successes, failures),
                            tooMany.getOrDefault(PUSH_HOST, 0L) - tooManyBefore.getOrDefault(PUSH_HOST, 0L), busy));
                    ratios.add(Report.row(label,
                            Stats.ratio(Stats.percentile(pollLatencies, 50) / Stats.percentile(pushLatencies, 50)),
                            Stats.ratio(Stats.percentile(pollLatencies, 99) / Stats.percentile(pushLatencies, 99)),
                            Stats.ratio(Stats.percentile(pollLatencies, 100) / Stats.percentile(pushLatencies, 100)),
                            rateLimited));
                    index++;
                    Thread.sleep(7000); // as in part 4: the next phase starts when these completions left the overlap
                }
                report.table(List.of("completions", "consumer", "runs", "exchanges", "p50 ms", "p90 ms", "p99 ms",
                        "max ms", "consumer requests in the phase", "requests per minute", "webhook deliveries",
                        "429 answers", "machine busy"), rows);
                report.table(List.of("completions", "p50 polling / push", "p99 polling / push", "max polling / push",
                        "429 answers (simulator, both)"), ratios);

                // the whole pass, from context start (the events consumer's registration and first catch-up included)
                double wholeElapsed = (System.nanoTime() - startAll) / 1e9;
                Map<String, Map<String, Long>> wholeClient = RequestCounter.diffByHost(clientBeforeAll,
                        requests.snapshot());
                long wholeSim = total(RequestCounter.diff(simBeforeAll, sim.stats().routes()));
                long wholeClientTotal = wholeClient.values().stream().mapToLong(PushBenchmark::total).sum();
                List<EventDeliveryInfo> deliveries = sim.webhookDeliveries(destination.id());
                long deliveredOk = deliveries.stream().filter(d -> "success".equals(d.status())).count();
                long retried = deliveries.stream().filter(d -> d.attempts() > 1).count();
                List<List<String>> whole = new ArrayList<>();
                whole.add(wholeRow(POLLING + " (default options)", polling, allDue.keySet(),
                        wholeClient.getOrDefault(POLLING_HOST, Map.of()), wholeElapsed));
                whole.add(wholeRow(PUSH + " (webhooks)", push, allDue.keySet(),
                        wholeClient.getOrDefault(PUSH_HOST, Map.of()), wholeElapsed));
                report.table(List.of("consumer", "runs created", "emitted exactly once", "missing",
                        "emitted more than once", "exchanges by source",
                        String.format(Locale.ROOT, "requests in the whole pass (%.0f s)", wholeElapsed),
                        "per minute"), whole);
                report.line(String.format(Locale.ROOT, "Webhook deliveries recorded by the simulator for the "
                        + "destination: %,d, %,d successful, %,d needed more than one attempt; destination status at "
                        + "the end: %s. Requests counted by the simulator over the whole pass: %,d; by the "
                        + "interceptor, both consumers: %,d.", deliveries.size(), deliveredOk, retried,
                        sim.eventDestination(destination.id()).status(), wholeSim, wholeClientTotal));
                report.line("Both consumers in one CamelContext on the same runs at the same time, against the "
                        + "simulator with Deck's rate limit on (200 requests per 10 s, shared by both): `from(\""
                        + POLLING + "\")` with the default options (delay 500 ms) and `from(\"" + PUSH
                        + "?types=task_run.completed&webhookSecret=RAW(whsec_...)&autoRegister=true&publicUrl=http://"
                        + "127.0.0.1:<port>/deck/events\")` (catchUpInterval 60 s, one routing thread), its webhooks "
                        + "received by Camel's platform-http on Vert.x in the same JVM; autoRegister created the "
                        + "simulator's event destination at start. Runs are driven as in part 4 (Poisson stream, "
                        + "completion = creation bracketed with System.nanoTime + 1 s run time, no queue time), after "
                        + "an unreported warm-up of " + WARMUP_RUNS + " runs; arrival is taken at each route's first "
                        + "processor (for deck:events by the header CamelDeckRunId). Requests are told apart per "
                        + "consumer by the host name each endpoint uses for the same simulator (`baseUrl` "
                        + "http://localhost:<port>/v2 on the events endpoint, 127.0.0.1 on the other) with a request "
                        + "interceptor on the component's HTTP client, and checked against the simulator's count. "
                        + "Requests per minute are over the phase, including the wait for the last exchanges; the "
                        + "events consumer's catch-up (GET /events every 60 s) falls into a phase or not, so its "
                        + "per-minute cost is the whole-pass figure. Machine busy = both cores, whoever used them. "
                        + "Machine: " + Machine.loadAverage() + " load average after this part.");
            } finally {
                context.close();
            }
        }
    }

    private static void awaitAll(Set<String> ids, Received polling, Received push, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!(polling.first.keySet().containsAll(ids) && push.first.keySet().containsAll(ids))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static List<String> row(String label, String consumer, int runs, long exchanges, long[] latencies,
            Map<String, Long> requests, double elapsed, String deliveries, long tooMany, double busy) {
        long count = total(requests);
        return Report.row(label, consumer, String.format(Locale.ROOT, "%,d", runs),
                String.format(Locale.ROOT, "%,d", exchanges),
                Stats.millis(Stats.percentile(latencies, 50)), Stats.millis(Stats.percentile(latencies, 90)),
                Stats.millis(Stats.percentile(latencies, 99)), Stats.millis(Stats.percentile(latencies, 100)),
                describe(requests), Stats.number(count * 60.0 / elapsed), deliveries, tooMany,
                Stats.percent(busy));
    }

    private static List<String> wholeRow(String consumer, Received received, Set<String> ids,
            Map<String, Long> requests, double elapsed) {
        long once = ids.stream().filter(id -> received.count.getOrDefault(id, 0) == 1).count();
        long missing = ids.stream().filter(id -> !received.count.containsKey(id)).count();
        long more = ids.stream().filter(id -> received.count.getOrDefault(id, 0) > 1).count();
        long strangers = received.count.keySet().stream().filter(id -> !ids.contains(id)).count();
        StringBuilder sources = new StringBuilder();
        new TreeMap<>(received.bySource).forEach((k, v) -> sources.append(sources.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d %s", v.sum(), k)));
        if (strangers > 0) {
            sources.append(", ").append(strangers).append(" runs not created by the benchmark");
        }
        return Report.row(consumer, String.format(Locale.ROOT, "%,d", ids.size()),
                String.format(Locale.ROOT, "%,d", once), missing, more, sources.toString(), describe(requests),
                Stats.number(total(requests) * 60.0 / elapsed));
    }

    /** "62 GET /events, 46 GET /task-runs" (none: "none"). */
    private static String describe(Map<String, Long> requests) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(requests).forEach((k, v) -> {
            if (v > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(v).append(' ').append(k.replace("/v2", ""));
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code whsec_} + base64 of 32 random bytes, as Deck's secrets are. */
    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** What one consumer emitted: the first arrival and the number of exchanges per run id, exchanges per source. */
    static final class Received {

        final Map<String, Long> first = new ConcurrentHashMap<>();
        final Map<String, Integer> count = new ConcurrentHashMap<>();
        final Map<String, LongAdder> bySource = new ConcurrentHashMap<>();

        void record(String runId, long now, String source) {
            if (runId == null) {
                bySource.computeIfAbsent("without run id", k -> new LongAdder()).increment();
                return;
            }
            first.putIfAbsent(runId, now);
            count.merge(runId, 1, Integer::sum);
            bySource.computeIfAbsent(source == null ? "?" : source, k -> new LongAdder()).increment();
        }

        /** Completion-to-first-exchange of each of these runs that arrived, in nanoseconds. */
        long[] latencies(Map<String, Long> due) {
            return due.entrySet().stream()
                    .filter(e -> first.containsKey(e.getKey()))
                    .mapToLong(e -> first.get(e.getKey()) - e.getValue())
                    .toArray();
        }

        long exchanges(Set<String> ids) {
            return ids.stream().mapToLong(id -> count.getOrDefault(id, 0)).sum();
        }
    }

    /**
     * Counts the requests of the component's shared HTTP client by target host and by route ({@code GET
     * /v2/task-runs/{id}}, ids as in the simulator's route keys), and the 429 answers by host.
     */
    static final class RequestCounter implements HttpClientConfigurer {

        private static final String HOST_ATTRIBUTE = "bench.host";

        private final Map<String, Map<String, LongAdder>> byHost = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            builder.addRequestInterceptorFirst((request, entity, context) -> record(request, context));
            builder.addResponseInterceptorFirst((response, entity, context) -> {
                if (response.getCode() == 429) {
                    Object host = context.getAttribute(HOST_ATTRIBUTE);
                    rateLimited.computeIfAbsent(String.valueOf(host), k -> new LongAdder()).increment();
                }
            });
        }

        private void record(HttpRequest request, HttpContext context) {
            String host;
            if (request.getAuthority() != null) {
                host = request.getAuthority().getHostName();
            } else {
                Header header = request.getFirstHeader("Host");
                host = header != null ? header.getValue().replaceFirst(":\\d+$", "") : "?";
            }
            context.setAttribute(HOST_ATTRIBUTE, host);
            String path = request.getPath();
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            StringBuilder key = new StringBuilder(request.getMethod()).append(' ');
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    key.append('/').append(segment.contains("_") ? "{id}" : segment);
                }
            }
            byHost.computeIfAbsent(host, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(key.toString(), k -> new LongAdder()).increment();
        }

        Map<String, Map<String, Long>> snapshot() {
            Map<String, Map<String, Long>> copy = new HashMap<>();
            byHost.forEach((host, routes) -> {
                Map<String, Long> counts = new HashMap<>();
                routes.forEach((k, v) -> counts.put(k, v.sum()));
                copy.put(host, counts);
            });
            return copy;
        }

        Map<String, Long> rateLimitedSnapshot() {
            Map<String, Long> copy = new HashMap<>();
            rateLimited.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }

        static Map<String, Map<String, Long>> diffByHost(Map<String, Map<String, Long>> before,
                Map<String, Map<String, Long>> after) {
            Map<String, Map<String, Long>> diff = new HashMap<>();
            after.forEach((host, routes) -> diff.put(host, diff(before.getOrDefault(host, Map.of()), routes)));
            return diff;
        }

        static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
            Map<String, Long> diff = new HashMap<>();
            after.forEach((k, v) -> {
                long d = v - before.getOrDefault(k, 0L);
                if (d > 0) {
                    diff.put(k, d);
                }
            });
            return diff;
        }
    }
}
