package io.github.cameldeck.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.ManualClock;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.Task;

/**
 * Part 2: draining a backlog of completed runs through {@code deck:taskRuns} next to a plain paging loop. The
 * simulator (in this JVM) holds the backlog; each side runs in its own JVM with a fixed heap ({@link DrainWorker}), so
 * its heap figures are the client's alone.
 * <p>
 * The backlog is made with {@code sim.startRun} on a manual clock ten minutes behind the wall clock, then the clock is
 * advanced until every run completed: the runs completed well before the consumer starts, the usual case of a consumer
 * that was down or is new. (A backlog that completed within the consumer's first minute, the case its event-log
 * hand-over covers, is measured separately, once.)
 */
final class DrainBenchmark {

    private static final String LOOP = "loop";
    private static final String GREEDY = "deck-greedy";
    private static final String DEFAULT = "deck";
    private static final Map<String, String> NAMES = Map.of(LOOP, "JDK paging loop",
            GREEDY, "camel-deck, greedy=true", DEFAULT, "camel-deck, default options");

    /** How long the client keeps running after the drain, still measured: the consumer's first event-log reads. */
    private static final double SETTLE_SECONDS = 2;
    /** After a fresh backlog the consumer reads the event log of the last minute: every completion of the backlog. */
    private static final double FRESH_SETTLE_SECONDS = 10;
    private static final AtomicInteger LOG_COUNTER = new AtomicInteger();

    private DrainBenchmark() {
    }

    private record Run(DrainWorker.Result result, Map<String, Long> requests, double simCpuPercent, long simCpuNanos,
            double machineBusy, String error) {

        /** Simulator CPU per request of the measured pass, microseconds. */
        double simMicrosPerRequest() {
            long n = requests.values().stream().mapToLong(Long::longValue).sum();
            return n == 0 ? Double.NaN : simCpuNanos / 1000.0 / n;
        }
    }

    static void run(Options options, Report report) throws Exception {
        List<Integer> backlogs = options.list("backlogs").stream().map(Integer::parseInt).toList();
        List<String> sides = options.list("drainSides");
        if (!sides.contains(LOOP)) {
            throw new IllegalArgumentException("drainSides must include loop, the reference");
        }
        int rounds = options.intValue("drainRounds");
        String heap = options.text("drainHeap");
        report.heading("2. Draining a backlog of completed runs");
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        ManualClock clock = SimulatorClock.manual(Instant.now().minus(Duration.ofMinutes(10)));
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).clock(clock).build().start()) {
            Task task = sim.createTask(sim.createAgent("drain").id(), "Backlog task",
                    Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ZERO));
            for (int backlog : backlogs) {
                sim.reset();
                long t0 = System.nanoTime();
                for (int i = 0; i < backlog; i++) {
                    sim.startRun(task.id(), Map.of("month", "2026-10", "n", i));
                    if (i % 100 == 99) {
                        sim.advance(Duration.ofMillis(10));
                    }
                }
                sim.advance(Duration.ofSeconds(1));
                long completed = sim.taskRuns().stream().filter(r -> "completed".equals(r.status())).count();
                if (completed != backlog) {
                    throw new IllegalStateException(completed + " of " + backlog + " runs completed");
                }
                Report.progress("drain: backlog of %,d completed runs made in %.1f s", backlog,
                        (System.nanoTime() - t0) / 1e9);
                int warmup = Math.min(backlog, 10_000);
                for (int round = 0; round < rounds; round++) {
                    // the order rotates between rounds
                    for (int i = 0; i < sides.size(); i++) {
                        String side = sides.get((i + round) % sides.size());
                        Run run = child(sim, side, backlog, 120, warmup, SETTLE_SECONDS, heap);
                        runs.computeIfAbsent(backlog + "/" + side, k -> new ArrayList<>()).add(run);
                        Report.progress("drain %,7d %-12s round %d: %8.0f runs/s, %5.1f µs CPU per run, live at end %s",
                                backlog, side, round + 1, run.result.perSecond(), run.result.cpuMicrosPerRun(),
                                Stats.mb(run.result.liveAtEnd()));
                    }
                }
            }
        }
        Run fresh = null;
        int largest = backlogs.get(backlogs.size() - 1);
        if (options.flag("freshBacklog")) {
            fresh = freshBacklog(largest, heap);
        }
        print(report, backlogs, runs, fresh, heap, rounds);
    }

    /** The largest backlog again, completed just before the consumer starts (system clock), camel-deck greedy once. */
    private static Run freshBacklog(int backlog, String heap) throws Exception {
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            Task task = sim.createTask(sim.createAgent("drain").id(), "Fresh backlog task",
                    Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ZERO));
            for (int i = 0; i < backlog; i++) {
                sim.startRun(task.id(), Map.of("month", "2026-10", "n", i));
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (sim.taskRuns().stream().filter(r -> "completed".equals(r.status())).count() < backlog) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The fresh backlog did not complete");
                }
                Thread.sleep(200);
            }
            Run run = child(sim, DEFAULT, backlog, 120, Math.min(backlog, 10_000), FRESH_SETTLE_SECONDS, heap);
            Report.progress("drain (fresh) %,7d %-12s: %8.0f runs/s, live at end %s", backlog, DEFAULT,
                    run.result.perSecond(), Stats.mb(run.result.liveAtEnd()));
            return run;
        }
    }

    private static Run child(DeckSimulator sim, String side, long expected, double maxSeconds, int warmup,
            double settleSeconds, String heap) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC"));
        // e.g. -Dbench.drainJvmArgs=-XX:StartFlightRecording=filename=/tmp/drain.jfr,settings=profile to profile
        String extra = System.getProperty("bench.drainJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DrainWorker.class.getName(), side,
                sim.baseUrl(), sim.apiKey(), Long.toString(expected), Double.toString(maxSeconds),
                Integer.toString(warmup), Double.toString(settleSeconds)));
        Path log = Path.of(System.getProperty("bench.logDir", "target"),
                String.format(Locale.ROOT, "drain-%s-%d-%d.log", side, expected, LOG_COUNTER.incrementAndGet()));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        DrainWorker.Result result = null;
        Map<String, Long> before = Map.of();
        Map<String, Long> after = null;
        SimCpu cpu = null;
        long simNanos = 0;
        double simPercent = Double.NaN;
        long[] machine = Machine.cpuTicks();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    // the warm-up is over: count from here
                    before = sim.stats().routes();
                    cpu = SimCpu.start();
                    machine = Machine.cpuTicks();
                    in.write("GO\n");
                    in.flush();
                } else if (line.startsWith("RESULT ")) {
                    after = sim.stats().routes();
                    if (cpu != null) {
                        simNanos = cpu.cpuNanos();
                        simPercent = cpu.percentOfOneCore();
                    }
                    result = DrainWorker.Result.parse(line);
                } else {
                    System.err.println("[drain " + side + "] " + line);
                }
            }
        }
        int exit = process.waitFor();
        String errors = Files.readString(log);
        if (result == null || after == null || exit != 0) {
            System.err.println(errors);
            throw new IllegalStateException("The drain worker " + side + " failed (exit " + exit + "), see " + log);
        }
        String error = errors.contains("OutOfMemoryError") ? "OutOfMemoryError (see " + log.getFileName() + ")" : "";
        Map<String, Long> counted = before;
        Map<String, Long> requests = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - counted.getOrDefault(k, 0L);
            if (d > 0) {
                requests.put(k, d);
            }
        });
        return new Run(result, requests, simPercent, simNanos, Machine.busyPercent(machine, Machine.cpuTicks()), error);
    }

    private static void print(Report report, List<Integer> backlogs, Map<String, List<Run>> runs, Run fresh,
            String heap, int rounds) {
        List<List<String>> rates = new ArrayList<>();
        List<List<String>> heaps = new ArrayList<>();
        for (int backlog : backlogs) {
            double loopRate = Stats.median(rates(runs.get(backlog + "/" + LOOP)));
            for (String side : List.of(LOOP, DEFAULT, GREEDY)) {
                List<Run> list = runs.get(backlog + "/" + side);
                if (list != null) {
                    rates.add(rateRow(backlog, NAMES.get(side), list, loopRate));
                    heaps.add(heapRow(backlog, NAMES.get(side), list));
                }
            }
        }
        String freshName = NAMES.get(DEFAULT) + ", backlog completed < 1 min before the start";
        if (fresh != null) {
            int backlog = backlogs.get(backlogs.size() - 1);
            double loopRate = Stats.median(rates(runs.get(backlog + "/" + LOOP)));
            rates.add(rateRow(backlog, freshName, List.of(fresh), loopRate));
            heaps.add(heapRow(backlog, freshName, List.of(fresh)));
        }
        report.table(List.of("backlog", "client", "runs/s, median (min–max)", "vs loop", "runs handled",
                "requests (measured pass)", "client JVM CPU per run", "simulator CPU, % of one core",
                "simulator CPU per request",
                "machine busy"), rates);
        report.table(List.of("backlog", "client", "heap live before", "peak used (sampled)",
                "peak live (full GC each second)", "live after drain", "live samples", "errors"), heaps);

        List<List<String>> goals = new ArrayList<>();
        for (int backlog : backlogs) {
            double loop = Stats.median(rates(runs.get(backlog + "/" + LOOP)));
            for (String side : List.of(DEFAULT, GREEDY)) {
                List<Run> list = runs.get(backlog + "/" + side);
                if (list != null) {
                    double rate = Stats.median(rates(list));
                    double cpu = Stats.median(list.stream().map(r -> r.result.cpuMicrosPerRun()).toList());
                    double loopCpu = Stats.median(
                            runs.get(backlog + "/" + LOOP).stream().map(r -> r.result.cpuMicrosPerRun()).toList());
                    goals.add(Report.row(String.format(Locale.ROOT, "%,d", backlog), NAMES.get(side),
                            Stats.ratio(rate / loop), RunTaskBenchmark.verdict(rate >= 0.9 * loop),
                            Stats.ratio(cpu / loopCpu)));
                }
            }
        }
        report.table(List.of("backlog", "camel-deck", "drain rate / loop's", "goal ≥ 0.90x",
                "client CPU per run / loop's"), goals);

        if (backlogs.size() >= 2) {
            int small = backlogs.get(0);
            int large = backlogs.get(backlogs.size() - 1);
            List<List<String>> growth = new ArrayList<>();
            for (String side : List.of(LOOP, DEFAULT, GREEDY)) {
                if (runs.containsKey(small + "/" + side) && runs.containsKey(large + "/" + side)) {
                    growth.add(growthRow(NAMES.get(side), runs.get(small + "/" + side),
                            runs.get(large + "/" + side)));
                }
            }
            if (fresh != null && runs.containsKey(small + "/" + DEFAULT)) {
                growth.add(growthRow(freshName, runs.get(small + "/" + DEFAULT), List.of(fresh)));
            }
            report.table(List.of("client", String.format(Locale.ROOT, "live after drain, %,d → %,d runs", small,
                    large), "peak live, " + String.format(Locale.ROOT, "%,d → %,d", small, large),
                    "goal: heap does not grow with the backlog"), growth);
        }
        report.line(String.format(Locale.ROOT,
                "Each side in its own JVM (-Xms%1$s -Xmx%1$s -XX:+UseSerialGC) against the simulator in the harness "
                        + "JVM; %2$d round(s) per backlog, the order of the sides rotating, each after a warm-up pass over "
                        + "the first 10,000 runs with a separate client instance (stopped before the measured pass). "
                        + "camel-deck is a route `from(\"deck:taskRuns\")` (default options: status=completed, "
                        + "pageSize=100, delay=500 ms) with one processor that reads the TaskRun body. The clock "
                        + "starts at the measured pass's first request (loop) or first poll (consumer: its 1 s "
                        + "initialDelay is not counted) and stops at the last run handed to the handler. *Client JVM "
                        + "CPU per run*: the worker JVM's CPU time over that interval (client, Camel, JIT, GC) per run, "
                        + "a figure other load on the machine disturbs far less than runs/s. Requests and simulator "
                        + "CPU are counted from the measured pass's start to the end of the worker. *Heap live "
                        + "before*: after a full GC before the measured pass, no client running; *peak used*: sampled "
                        + "every 10 ms, garbage included (it follows -Xmx and the collector, not the client); *peak "
                        + "live*: the largest heap left by a full GC forced once a second during the pass, and at its "
                        + "end; *live after drain*: after a full GC with the client still running, %3$.0f s after "
                        + "the last run (%4$.0f s for the backlog completed just before the start), so a consumer's "
                        + "first event-log reads after its catch-up are included. Heap that does not grow is checked "
                        + "as: live-after-drain and peak live each grow by less than 8 MB from the smallest to the "
                        + "largest backlog.",
                heap, rounds, SETTLE_SECONDS, FRESH_SETTLE_SECONDS));
    }

    private static List<String> rateRow(int backlog, String name, List<Run> list, double loopRate) {
        Run last = list.get(list.size() - 1);
        List<Double> rates = rates(list);
        return Report.row(String.format(Locale.ROOT, "%,d", backlog), name, Stats.spread(rates),
                Stats.ratio(Stats.median(rates) / loopRate),
                String.format(Locale.ROOT, "%,d", last.result.drained()), requests(last.requests),
                Stats.number(Stats.median(list.stream().map(r -> r.result.cpuMicrosPerRun()).toList())) + " µs",
                Stats.percent(Stats.median(list.stream().map(Run::simCpuPercent).toList())),
                Stats.number(Stats.median(list.stream().map(Run::simMicrosPerRequest).toList())) + " µs",
                Stats.percent(Stats.median(list.stream().map(Run::machineBusy).toList())));
    }

    private static List<String> heapRow(int backlog, String name, List<Run> list) {
        return Report.row(String.format(Locale.ROOT, "%,d", backlog), name,
                Stats.mb(medianLong(list, r -> r.result.baselineLive())),
                Stats.mb(medianLong(list, r -> r.result.peakUsed())),
                Stats.mb(medianLong(list, r -> r.result.peakLive())),
                Stats.mb(medianLong(list, r -> r.result.liveAtEnd())),
                Stats.number(Stats.median(list.stream().map(r -> (double) r.result.liveSamples()).toList())),
                list.stream().map(Run::error).filter(e -> !e.isEmpty()).findFirst().orElse("none"));
    }

    private static List<String> growthRow(String name, List<Run> small, List<Run> large) {
        long liveSmall = medianLong(small, r -> r.result.liveAtEnd());
        long liveLarge = medianLong(large, r -> r.result.liveAtEnd());
        long gcSmall = medianLong(small, r -> r.result.peakLive());
        long gcLarge = medianLong(large, r -> r.result.peakLive());
        boolean bounded = liveLarge - liveSmall < 8L * 1024 * 1024 && gcLarge - gcSmall < 8L * 1024 * 1024;
        return Report.row(name,
                Stats.mb(liveSmall) + " → " + Stats.mb(liveLarge) + " (" + signedMb(liveLarge - liveSmall)
                        + ")",
                Stats.mb(gcSmall) + " → " + Stats.mb(gcLarge) + " (" + signedMb(gcLarge - gcSmall) + ")",
                RunTaskBenchmark.verdict(bounded));
    }

    private static String requests(Map<String, Long> requests) {
        StringBuilder sb = new StringBuilder();
        requests.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d", v)).append(' ')
                .append(k.replace("/v2", "")));
        return sb.toString();
    }

    private static List<Double> rates(List<Run> list) {
        return list == null ? List.of() : list.stream().map(r -> r.result.perSecond()).toList();
    }

    private static long medianLong(List<Run> list, java.util.function.ToLongFunction<Run> f) {
        return (long) Stats.median(list.stream().map(r -> (double) f.applyAsLong(r)).toList());
    }

    private static String signedMb(long bytes) {
        return String.format(Locale.ROOT, "%+.1f MB", bytes / (1024.0 * 1024.0));
    }
}
