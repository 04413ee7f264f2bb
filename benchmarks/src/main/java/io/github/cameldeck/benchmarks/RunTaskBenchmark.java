package io.github.cameldeck.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;

/**
 * Part 1: runTask throughput and latency with 1 and 16 concurrent callers, camel-deck next to the JDK HttpClient floor
 * and a camel-http route. Every client is warmed up, then each round measures every client in turn (the order rotates
 * between rounds); throughput is the median over the rounds, latency percentiles are over every call of every round.
 * The simulator is reset after each measurement so every client sees the same (small) state; its runs stay queued, so
 * the simulator does no lifecycle work meanwhile.
 */
final class RunTaskBenchmark {

    private static final Map<String, String> CLIENT_KEYS = Map.of("deck", RunTaskClients.CAMEL_DECK, "jdk",
            RunTaskClients.JDK, "http", RunTaskClients.CAMEL_HTTP, "hc5", RunTaskClients.HC5);

    private RunTaskBenchmark() {
    }

    private static final class Cell {
        final List<Double> perSecond = new ArrayList<>();
        final List<long[]> latencies = new ArrayList<>();
        final List<Double> simCpu = new ArrayList<>();
        final List<Double> clientCpu = new ArrayList<>();
        final List<Double> simPerCall = new ArrayList<>();
        final List<Double> busy = new ArrayList<>();
        long failed;

        long[] allLatencies() {
            int n = latencies.stream().mapToInt(a -> a.length).sum();
            long[] all = new long[n];
            int pos = 0;
            for (long[] a : latencies) {
                System.arraycopy(a, 0, all, pos, a.length);
                pos += a.length;
            }
            return all;
        }
    }

    static void run(Options options, Report report) throws Exception {
        int rounds = options.intValue("rounds");
        double seconds = options.intValue("seconds");
        double warmup = options.intValue("warmupSeconds");
        List<String> names = options.list("clients").stream().map(CLIENT_KEYS::get).toList();
        int[] concurrencies = options.list("concurrency").stream().mapToInt(Integer::parseInt).toArray();
        report.heading("1. runTask: throughput and latency");
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            Task task = sim.createTask(sim.createAgent("bench").id(), "Bench task",
                    Scenario.defaults().withQueueTime(Duration.ofHours(1)));
            Map<String, RunTaskClients.Client> clients = new LinkedHashMap<>();
            for (String name : names) {
                clients.put(name, RunTaskClients.create(name, sim.baseUrl(), sim.apiKey(), task.id()));
            }
            try {
                AtomicLong sequence = new AtomicLong();
                for (RunTaskClients.Client client : clients.values()) {
                    Report.progress("runTask: warm-up %s", client.name());
                    measure(sim, client, 16, warmup, sequence);
                    measure(sim, client, 1, Math.max(1, warmup / 2), sequence);
                }
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (int concurrency : concurrencies) {
                        for (int i = 0; i < names.size(); i++) {
                            String name = names.get((i + round) % names.size());
                            Load.Result r = measure(sim, clients.get(name), concurrency, seconds, sequence);
                            Cell cell = cells.computeIfAbsent(name + "/" + concurrency, k -> new Cell());
                            cell.perSecond.add(r.perSecond());
                            cell.latencies.add(r.latenciesNanos());
                            cell.simCpu.add(r.simCpuPercent());
                            cell.clientCpu.add(r.clientMicrosPerCall());
                            cell.simPerCall.add(r.simMicrosPerRequest());
                            cell.busy.add(r.machineBusyPercent());
                            cell.failed += r.failed();
                            Report.progress(
                                    "runTask round %d/%d, %2d callers, %-26s %8.0f runs/s, client CPU %4.0f µs/call, "
                                            + "simulator %4.0f µs/call (machine %3.0f%% busy)",
                                    round + 1, rounds, concurrency, name, r.perSecond(), r.clientMicrosPerCall(),
                                    r.simMicrosPerRequest(), r.machineBusyPercent());
                        }
                    }
                }
                print(report, cells, rounds, seconds, names, concurrencies);
            } finally {
                for (RunTaskClients.Client client : clients.values()) {
                    client.close();
                }
            }
        }
    }

    private static Load.Result measure(DeckSimulator sim, RunTaskClients.Client client, int concurrency,
            double seconds, AtomicLong sequence) throws Exception {
        Load.Result result = Load.run(concurrency, seconds, () -> {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("month", "2026-10");
            input.put("n", sequence.incrementAndGet());
            return client.runTask(input) != null;
        });
        if (result.failed() > 0) {
            Report.progress("runTask: %s had %d failed calls, first: %s", client.name(), result.failed(),
                    result.firstError());
        }
        sim.reset();
        return result;
    }

    private static void print(Report report, Map<String, Cell> cells, int rounds, double seconds,
            List<String> names, int[] concurrencies) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> goals = new ArrayList<>();
        for (int concurrency : concurrencies) {
            Cell deck = cells.get(RunTaskClients.CAMEL_DECK + "/" + concurrency);
            Cell jdk = cells.get(RunTaskClients.JDK + "/" + concurrency);
            Cell http = cells.get(RunTaskClients.CAMEL_HTTP + "/" + concurrency);
            Cell hc5 = cells.get(RunTaskClients.HC5 + "/" + concurrency);
            double jdkRate = jdk != null ? Stats.median(jdk.perSecond) : Double.NaN;
            for (String name : names) {
                Cell cell = cells.get(name + "/" + concurrency);
                long[] lat = cell.allLatencies();
                double rate = Stats.median(cell.perSecond);
                rows.add(Report.row(concurrency, name, Stats.spread(cell.perSecond),
                        Stats.millis(Stats.percentile(lat, 50)), Stats.millis(Stats.percentile(lat, 99)),
                        Stats.ratio(rate / jdkRate), Stats.number(Stats.median(cell.clientCpu)) + " µs",
                        Stats.number(Stats.median(cell.simPerCall)) + " µs",
                        Stats.percent(Stats.median(cell.simCpu)), Stats.percent(Stats.median(cell.busy)),
                        cell.failed));
            }
            if (deck == null) {
                continue;
            }
            double deckRate = Stats.median(deck.perSecond);
            double p50Deck = Stats.percentile(deck.allLatencies(), 50);
            double deckCpu = Stats.median(deck.clientCpu);
            if (jdk != null) {
                goals.add(goal(concurrency, "JDK HttpClient + Jackson (the floor, a)", deckRate / Stats.median(
                        jdk.perSecond), p50Deck / Stats.percentile(jdk.allLatencies(), 50),
                        deckCpu / Stats.median(jdk.clientCpu), "≥ 0.90x",
                        deckRate >= 0.9 * Stats.median(jdk.perSecond)));
            }
            if (http != null) {
                goals.add(goal(concurrency, "camel-http route (b)", deckRate / Stats.median(http.perSecond),
                        p50Deck / Stats.percentile(http.allLatencies(), 50), deckCpu / Stats.median(http.clientCpu),
                        "> 1.00x", deckRate > Stats.median(http.perSecond)));
            }
            if (hc5 != null) {
                goals.add(goal(concurrency, "Apache HttpClient 5 + Jackson (camel-deck's own transport)",
                        deckRate / Stats.median(hc5.perSecond), p50Deck / Stats.percentile(hc5.allLatencies(), 50),
                        deckCpu / Stats.median(hc5.clientCpu), "(no goal)", null));
            }
        }
        report.table(List.of("callers", "client", "runs/s, median (min–max) of " + rounds + " rounds", "p50 ms",
                "p99 ms", "runs/s vs JDK floor", "client CPU per call", "simulator CPU per call",
                "simulator CPU, % of one core", "machine busy (all cores)", "failed"), rows);
        report.table(List.of("callers", "camel-deck compared with", "runs/s ratio", "p50 latency ratio",
                "client CPU per call ratio", "goal", "verdict"), goals);
        report.line(String.format(java.util.Locale.ROOT,
                "Each cell: %.0f s per round, %d rounds, clients measured in turn (order rotated per round) after a "
                        + "warm-up. Latency is per call on the caller's thread; percentiles over every call of every "
                        + "round. *Client CPU per call*: this JVM's CPU time minus the simulator threads', per call "
                        + "(the client, Camel, Jackson, the JIT and the GC): a figure that other load on the machine "
                        + "disturbs far less than runs/s. Machine busy = all cores, from /proc/stat, whoever used them.",
                seconds, rounds));
    }

    private static List<String> goal(int concurrency, String other, double rateRatio, double p50Ratio,
            double cpuRatio, String goal, Boolean met) {
        return Report.row(concurrency, other, Stats.ratio(rateRatio), Stats.ratio(p50Ratio), Stats.ratio(cpuRatio),
                goal, met == null ? "–" : verdict(met));
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
