package io.github.cameldeck.benchmarks;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.client.RunWatcher;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorStats;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Part {@code fanout}: many {@code runTask?waitForCompletion=true} at once against a simulator with Deck's limits (200
 * requests per 10 s, a session cap), each case with the shared budget on (the default), off ({@code rateLimit=0}), and
 * holding runs in the application ({@code maxConcurrentRuns} = the session cap). And part {@code waits}: many
 * concurrent waits on the organization's run watcher, the requests it spends per minute while runs wait and while they
 * finish.
 */
final class FanoutBenchmark {

    private static final int LIMIT = 200;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private FanoutBenchmark() {
    }

    static void run(Options options, Report report) throws Exception {
        report.heading("Fan-out: runTask?waitForCompletion=true under Deck's limits (" + LIMIT + " requests per "
                + WINDOW.toSeconds() + " s)");
        report.line("Each case: N exchanges sent at once with ProducerTemplate.asyncRequestBody, runs of the given "
                + "length, a session cap (0: none). The bound is ceil(N / sessions) x run length (one run per "
                + "session at a time).");
        for (String fanoutCase : options.list("fanoutCases")) {
            String[] parts = fanoutCase.split("x");
            int runs = Integer.parseInt(parts[0]);
            int seconds = Integer.parseInt(parts[1]);
            int sessions = Integer.parseInt(parts[2]);
            for (String variant : options.list("fanoutVariants")) {
                // a table per row, so that what was measured is kept when a later case is cut short
                report.table(List.of("runs", "run length", "sessions", "variant", "failed exchanges", "429 answers",
                        "requests", "requests per run", "makespan", "bound", "makespan / bound"),
                        List.of(fanout(runs, seconds, sessions, variant)));
            }
        }
    }

    private static List<String> fanout(int runs, int seconds, int sessions, String variant) throws Exception {
        Report.progress("fanout %d x %d s, %d sessions, %s", runs, seconds, sessions, variant);
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(LIMIT, WINDOW).sessionLimit(sessions)
                .threads(32).build().start()) {
            Task task = sim.createTask(sim.createAgent("fanout").id(), "fanout",
                    Scenario.completesAfter(Duration.ofSeconds(seconds)).withQueueTime(Duration.ofMillis(100)));
            CamelContext context = Contexts.deck(sim.baseUrl(), sim.apiKey());
            DeckComponent component = context.getComponent("deck", DeckComponent.class);
            switch (variant) {
                case "paced" -> {
                }
                case "unpaced" -> component.setRateLimit(0);
                case "held" -> component.setMaxConcurrentRuns(sessions);
                default -> throw new IllegalArgumentException("fanoutVariants: paced, unpaced or held, not " + variant);
            }
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                long begin = System.nanoTime();
                List<CompletableFuture<Object>> calls = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    calls.add(template.asyncRequestBody("deck:runTask?waitForCompletion=true&waitTimeout=2h&taskId="
                            + task.id(),
                            Map.of("n", i)));
                }
                int failed = 0;
                for (CompletableFuture<Object> call : calls) {
                    try {
                        Object body = call.get(3, TimeUnit.HOURS);
                        if (!(body instanceof TaskRun run) || !run.isTerminal()) {
                            failed++;
                        }
                    } catch (Exception e) {
                        failed++;
                    }
                }
                double makespan = (System.nanoTime() - begin) / 1e9;
                SimulatorStats stats = sim.stats();
                double bound = sessions == 0 ? seconds : Math.ceil((double) runs / sessions) * seconds;
                return Report.row(runs, seconds + " s", sessions == 0 ? "-" : sessions, variant, failed,
                        stats.rateLimited(), stats.totalRequests(),
                        String.format(Locale.ROOT, "%.2f", (double) stats.totalRequests() / runs),
                        String.format(Locale.ROOT, "%.0f s", makespan), String.format(Locale.ROOT, "%.0f s", bound),
                        String.format(Locale.ROOT, "%.2f", makespan / bound));
            } finally {
                context.stop();
            }
        }
    }

    /**
     * Part waits: N runs waited for at once through the watcher, none of them started through it: first while they all
     * run, then while they are canceled at an even pace (each cancel is a task_run.canceled event the watcher reads).
     */
    static void runWaits(Options options, Report report) throws Exception {
        int waits = options.intValue("waits");
        int phaseSeconds = options.intValue("waitsPhaseSeconds");
        report.heading("Waits: " + waits + " concurrent waitForCompletion on one organization's run watcher");
        report.line("Runs are created in the simulator directly (they run until canceled) and waited for through the "
                + "watcher. Phase 1: they all run; phase 2: they are canceled at an even pace over the phase. "
                + "Requests of the watcher (GET /events, GET /task-runs, GET /task-runs/{id}); Deck's budget is "
                + (LIMIT * 60 / WINDOW.toSeconds()) + " per minute.");
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(LIMIT, WINDOW).threads(16).build().start()) {
            // a long task timeout: the runs must still be running when the phases measure them
            Task task = sim.createTask(sim.createAgent("waits").id(), "waits", Scenario.hangs(), 3600);
            CamelContext context = Contexts.deck(sim.baseUrl(), sim.apiKey());
            context.start();
            try {
                RunWatcher watcher = context.getEndpoint("deck:runTask", DeckEndpoint.class).getRunWatcher();
                List<String> runIds = new ArrayList<>();
                List<CompletableFuture<TaskRun>> results = new ArrayList<>();
                for (int i = 0; i < waits; i++) {
                    String runId = sim.startRun(task.id(), Map.of("n", i)).id();
                    runIds.add(runId);
                    results.add(watcher.waitFor(asRun(sim.taskRun(runId)), TimeUnit.HOURS.toMillis(1)));
                }
                List<List<String>> rows = new ArrayList<>();
                rows.add(phase("all " + waits + " runs running", sim, phaseSeconds, watcher, () -> {
                }));
                rows.add(phase(waits + " runs canceled over " + phaseSeconds + " s", sim, phaseSeconds + 5, watcher,
                        () -> {
                            long begin = System.nanoTime();
                            for (int i = 0; i < runIds.size(); i++) {
                                long due = begin + TimeUnit.SECONDS.toNanos(phaseSeconds) * i / runIds.size();
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                }
                                sim.cancelRun(runIds.get(i));
                            }
                        }));
                long settled = results.stream().filter(r -> r.isDone() && !r.isCompletedExceptionally()
                        && r.join().isTerminal()).count();
                report.table(List.of("phase", "seconds", "watcher requests", "per minute", "% of the budget",
                        "waits open at the end"), rows);
                report.line("Waits completed with their terminal run: " + settled + " of " + waits + ".");
            } finally {
                context.stop();
            }
        }
    }

    private interface Phase {
        void run() throws InterruptedException;
    }

    private static List<String> phase(String name, DeckSimulator sim, int seconds, RunWatcher watcher, Phase action)
            throws InterruptedException {
        long before = sim.stats().totalRequests();
        long begin = System.nanoTime();
        action.run();
        long left = TimeUnit.SECONDS.toNanos(seconds) - (System.nanoTime() - begin);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        long requests = sim.stats().totalRequests() - before;
        double perMinute = requests * 60.0 / seconds;
        return Report.row(name, seconds, requests, String.format(Locale.ROOT, "%.0f", perMinute),
                String.format(Locale.ROOT, "%.1f %%", 100 * perMinute / (LIMIT * 60.0 / WINDOW.toSeconds())),
                watcher.waiting());
    }

    private static TaskRun asRun(TaskRunState state) {
        TaskRun run = new TaskRun();
        run.setId(state.id());
        run.setStatusValue(state.status());
        run.setCreatedAt(state.createdAt().atOffset(ZoneOffset.UTC));
        return run;
    }
}
