package io.github.cameldeck.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Parts 3 and 4, one consumer with the default options ({@code from("deck:taskRuns")}) against a simulator with Deck's
 * rate limit on (200 requests per 10 s):
 * <ol start="3">
 * <li>the requests it sends per minute while nothing new happens, with 1,000 completed runs in its lookback window;</li>
 * <li>the time from a run's completion (its scenario's due time) to the arrival of its exchange.</li>
 * </ol>
 */
final class ConsumerBenchmark {

    private ConsumerBenchmark() {
    }

    static void run(Options options, Report report, boolean idle, boolean latency) throws Exception {
        int idleRuns = options.intValue("idleRuns");
        int idleSeconds = options.intValue("idleSeconds");
        int settle = options.intValue("idleSettleSeconds");
        List<int[]> phases = options.list("latencyPhases").stream()
                .map(p -> p.split("x"))
                .map(p -> new int[]{Integer.parseInt(p[0]), Integer.parseInt(p[1])})
                .toList();
        try (DeckSimulator sim = DeckSimulator.builder().build().start()) {
            String agent = sim.createAgent("consumer").id();
            Task backlogTask = sim.createTask(agent, "Lookback runs",
                    Scenario.completesAfter(Duration.ofMillis(50)).withQueueTime(Duration.ZERO));
            for (int i = 0; i < idleRuns; i++) {
                sim.startRun(backlogTask.id(), Map.of("n", i));
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (sim.taskRuns().stream().filter(r -> "completed".equals(r.status())).count() < idleRuns) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The lookback runs did not complete");
                }
                Thread.sleep(100);
            }
            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            AtomicLong received = new AtomicLong();
            CamelContext context = Contexts.deck(sim.baseUrl(), sim.apiKey());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:taskRuns").routeId("consumer").process(exchange -> {
                        long now = System.nanoTime();
                        arrivals.putIfAbsent(exchange.getIn().getBody(TaskRun.class).getId(), now);
                        received.incrementAndGet();
                    });
                }
            });
            context.start();
            try {
                deadline = System.nanoTime() + 60_000_000_000L;
                while (received.get() < idleRuns) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The consumer's catch-up did not finish: " + received.get());
                    }
                    Thread.sleep(50);
                }
                // after the catch-up the event log is read from 60 s before the start (the hand-over), and the runs that
                // completed just before stay in the next reads' 5 s overlap for a few seconds; then it is idle
                Thread.sleep(settle * 1000L);
                if (idle) {
                    idle(sim, report, idleRuns, idleSeconds, received);
                }
                if (latency) {
                    latency(sim, report, agent, phases, arrivals);
                }
            } finally {
                context.close();
            }
        }
    }

    private static void idle(DeckSimulator sim, Report report, int idleRuns, int seconds, AtomicLong received)
            throws InterruptedException {
        report.heading("3. Steady state with nothing new: requests the consumer sends");
        Report.progress("idle: counting requests for %d s", seconds);
        long emittedBefore = received.get();
        Map<String, Long> before = sim.stats().routes();
        long rateLimitedBefore = sim.stats().rateLimited();
        SimCpu cpu = SimCpu.start();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = sim.stats().routes();
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                diff.put(k, d);
            }
        });
        long total = diff.values().stream().mapToLong(Long::longValue).sum();
        double perMinute = total * 60.0 / elapsed;
        List<List<String>> rows = new ArrayList<>();
        diff.forEach((k, v) -> rows.add(Report.row(k, v, Stats.number(v * 60.0 / elapsed))));
        rows.add(Report.row("**all**", total, Stats.number(perMinute)));
        report.table(List.of("request", String.format(Locale.ROOT, "count in %.0f s", elapsed), "per minute"),
                rows);
        report.table(List.of("figure", "value"), List.of(
                Report.row("runs within lookback (completed, already emitted)", String.format(Locale.ROOT, "%,d",
                        idleRuns)),
                Report.row("exchanges during the window", received.get() - emittedBefore),
                Report.row("requests per minute", Stats.number(perMinute)),
                Report.row("per 10 s (Deck's budget: 200)", Stats.number(perMinute / 6)),
                Report.row("share of the budget (1,200/min)", Stats.percent(100 * perMinute / 1200)),
                Report.row("goal: well under 1,200/min", RunTaskBenchmark.verdict(perMinute < 600)),
                Report.row("429 answers", sim.stats().rateLimited() - rateLimitedBefore),
                Report.row("simulator CPU, % of one core", Stats.percent(cpu.percentOfOneCore()))));
        report.line("Default options: `from(\"deck:taskRuns\")` (status=completed, delay=500 ms, lookback=24h), the "
                + "simulator with Deck's rate limit on. Counted from `sim.stats()` after the start-up catch-up and the "
                + "event-log hand-over were done.");
    }

    private static void latency(DeckSimulator sim, Report report, String agent, List<int[]> phases,
            Map<String, Long> arrivals) throws InterruptedException {
        report.heading("4. Completion-to-exchange latency (default delay, 500 ms)");
        Duration runTime = Duration.ofSeconds(1);
        Task task = sim.createTask(agent, "Latency task",
                Scenario.completesAfter(runTime).withQueueTime(Duration.ZERO));
        List<List<String>> rows = new ArrayList<>();
        int index = 0;
        for (int[] phase : phases) {
            int perSecond = phase[0];
            int runs = perSecond * phase[1];
            Map<String, Long> before = sim.stats().routes();
            long rateLimitedBefore = sim.stats().rateLimited();
            Report.progress("latency: %d runs completing at %d per second on average", runs, perSecond);
            long start = System.nanoTime();
            Map<String, Long> due = PoissonRuns.start(sim, task, perSecond, runs, runTime, index);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!arrivals.keySet().containsAll(due.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] latencies = due.entrySet().stream()
                    .filter(e -> arrivals.containsKey(e.getKey()))
                    .mapToLong(e -> arrivals.get(e.getKey()) - e.getValue())
                    .toArray();
            Map<String, Long> after = sim.stats().routes();
            long requests = 0;
            StringBuilder byRoute = new StringBuilder();
            for (Map.Entry<String, Long> e : new TreeMap<>(after).entrySet()) {
                long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (d > 0 && !e.getKey().startsWith("POST")) {
                    requests += d;
                    byRoute.append(byRoute.length() == 0 ? "" : ", ").append(d).append(' ')
                            .append(e.getKey().replace("/v2", ""));
                }
            }
            rows.add(Report.row(perSecond + " runs/s", String.format(Locale.ROOT, "%,d", runs),
                    String.format(Locale.ROOT, "%,d", latencies.length),
                    Stats.millis(Stats.percentile(latencies, 50)), Stats.millis(Stats.percentile(latencies, 90)),
                    Stats.millis(Stats.percentile(latencies, 99)), Stats.millis(Stats.percentile(latencies, 100)),
                    byRoute.toString(), Stats.number(requests * 60.0 / elapsed),
                    sim.stats().rateLimited() - rateLimitedBefore));
            index++;
            Thread.sleep(7000); // the next phase starts when this one's completions left the event-log overlap
        }
        report.table(List.of("completions", "runs", "exchanges", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "consumer requests in the phase", "requests per minute", "429 answers"), rows);
        report.line("One consumer with the default options (`from(\"deck:taskRuns\")`) against the simulator with "
                + "Deck's rate limit on. Runs complete at known times, in a Poisson stream at the given average rate: a "
                + "run's completion time is its creation (bracketed with System.nanoTime around `sim.startRun`) plus "
                + "its scenario's run time (1 s, no queue time); the simulator applies due transitions before serving "
                + "any request, so the run is visible as completed from that instant. The exchange's arrival is taken "
                + "at the route's first processor, in the same JVM. Requests per minute are over the phase, including "
                + "the wait for the last exchanges.");
    }
}
