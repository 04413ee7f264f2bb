package io.github.cameldeck.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.TaskRunState;

/**
 * Part 8: a large storage item downloaded to a file through {@code deck:downloadStorage}, with the default options and
 * streamed, next to the JDK HttpClient writing the same item's signed URL to a file. The simulator (in this JVM)
 * generates the file as it sends it; each side runs in its own JVM with a fixed heap ({@link DownloadWorker}). Every
 * file written is checked against the SHA-256 of {@code sim.fileContent(id)}, computed here once.
 */
final class DownloadBenchmark {

    private static final List<String> SIDES = List.of(FileDownload.JDK, FileDownload.DECK,
            FileDownload.DECK_STREAMED);
    private static final Map<String, String> NAMES = Map.of(
            FileDownload.JDK, "JDK HttpClient, BodyHandlers.ofFile",
            FileDownload.DECK, "camel-deck, default options",
            FileDownload.DECK_STREAMED, "camel-deck, disableStreamCache=true, streamCache(\"false\")");
    /** The warm-up item: above the 128 KB spool threshold, so the default side takes its temporary-file path too. */
    private static final long WARMUP_BYTES = 1L << 20;
    /** The heap goal: the peak live heap during the download at most this far above the idle one. */
    private static final long HEAP_GOAL_BYTES = 4L << 20;
    private static final double THROUGHPUT_GOAL = 0.9;
    private static final long WORKER_LIMIT_SECONDS = 900;
    private static final double MB = 1024.0 * 1024.0;
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private DownloadBenchmark() {
    }

    /** One side's download: what the worker measured, and what the harness saw around it. */
    private record Run(DownloadWorker.Result result, long bytes, boolean digestMatches, long tempFilesLeft,
            long bytesServed, double simCpuPercent, double machineBusy) {

        double megabytesPerSecond() {
            return bytes / MB / result.seconds();
        }

        /** The worker JVM's CPU per MB written, milliseconds. */
        double cpuMillisPerMegabyte() {
            return result.cpuNanos() / 1e6 / (bytes / MB);
        }
    }

    static void run(Options options, Report report) throws Exception {
        long bytes = options.longValue("downloadBytes");
        int rounds = options.intValue("downloadRounds");
        String heap = options.text("downloadHeap");
        report.heading("8. Downloading a large file: downloadStorage into file:");
        String load = Machine.loadAverage();
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        Path dir = Path.of(System.getProperty("bench.logDir", "target"), "download").toAbsolutePath();
        // the clock stays put: the signed URLs (1 h) never expire
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO)
                .clock(SimulatorClock.manual(Instant.now())).build().start()) {
            List<StorageItem> items = storedItems(sim, bytes);
            StorageItem large = items.get(0);
            StorageItem warmup = items.get(1);
            long t0 = System.nanoTime();
            String expected;
            try (InputStream content = sim.fileContent(large.id())) {
                expected = sha256(content);
            }
            Report.progress("download: SHA-256 of the %,d-byte file from fileContent in %.1f s", bytes,
                    (System.nanoTime() - t0) / 1e9);
            for (int round = 0; round < rounds; round++) {
                // the order rotates between rounds
                for (int i = 0; i < SIDES.size(); i++) {
                    String side = SIDES.get((i + round) % SIDES.size());
                    Run run = child(sim, side, large.id(), warmup.id(), expected, dir, heap);
                    runs.computeIfAbsent(side, k -> new ArrayList<>()).add(run);
                    Report.progress("download %-13s round %d: %6.2f s, %6.1f MB/s, peak after any GC %s over idle "
                            + "%s, digest %s", side, round + 1, run.result.seconds(), run.megabytesPerSecond(),
                            signedMb(run.result.growth()), Stats.mb(run.result.idleLive()),
                            run.digestMatches ? "ok" : "WRONG");
                }
            }
        }
        print(report, runs, bytes, rounds, heap, load);
    }

    /** A completed run that stored the large file and a small one for the warm-ups; its items in that order. */
    static List<StorageItem> storedItems(DeckSimulator sim, long bytes) {
        String task = sim.createTask(sim.createAgent("download").id(), "Archive",
                Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ZERO)
                        .withFiles(StorageFile.pdf("large.pdf", bytes), StorageFile.pdf("warmup.pdf", WARMUP_BYTES)))
                .id();
        String runId = sim.startRun(task, Map.of("month", "2026-10")).id();
        sim.advance(Duration.ofSeconds(1));
        TaskRunState run = sim.taskRun(runId);
        if (!"completed".equals(run.status()) || run.storage().size() != 2) {
            throw new IllegalStateException("The run did not store its two files: " + run.status());
        }
        return run.storage();
    }

    private static Run child(DeckSimulator sim, String side, String storageId, String warmupId, String expected,
            Path dir, String heap) throws Exception {
        int n = WORKERS.incrementAndGet();
        Path work = dir.resolve(side + "-" + n);
        Path tmp = work.resolve("tmp");
        Files.createDirectories(tmp);
        Path target = work.resolve("large.pdf");
        Path log = dir.resolve("download-" + side + "-" + n + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // java.io.tmpdir of its own: camel-deck's spooled copy goes there, and what is left of it can be counted
        List<String> command = List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                DownloadWorker.class.getName(), side, sim.baseUrl(), sim.apiKey(), storageId, warmupId,
                target.toString());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture.delayedExecutor(WORKER_LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
        DownloadWorker.Result result = null;
        long servedBefore = 0;
        long served = 0;
        SimCpu cpu = null;
        double simPercent = Double.NaN;
        long[] machine = Machine.cpuTicks();
        double busy = Double.NaN;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    servedBefore = sim.stats().downloads().bytesServed();
                    cpu = SimCpu.start();
                    machine = Machine.cpuTicks();
                    in.write("GO\n");
                    in.flush();
                } else if (line.startsWith("RESULT ")) {
                    served = sim.stats().downloads().bytesServed() - servedBefore;
                    simPercent = cpu != null ? cpu.percentOfOneCore() : Double.NaN;
                    busy = Machine.busyPercent(machine, Machine.cpuTicks());
                    result = DownloadWorker.Result.parse(line);
                } else {
                    System.err.println("[download " + side + "] " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (result == null || exit != 0) {
            System.err.println(Files.readString(log));
            throw new IllegalStateException("The download worker " + side + " failed (exit " + exit + "), see " + log);
        }
        long size = Files.size(target);
        boolean matches;
        try (InputStream written = Files.newInputStream(target)) {
            matches = sha256(written).equals(expected);
        }
        long left = countFiles(tmp);
        deleteTree(work);
        return new Run(result, size, matches, left, served, simPercent, busy);
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void print(Report report, Map<String, List<Run>> runs, long bytes, int rounds, String heap,
            String loadAtStart) {
        double baseline = Stats.median(rates(runs.get(FileDownload.JDK)));
        List<List<String>> speed = new ArrayList<>();
        List<List<String>> heaps = new ArrayList<>();
        List<List<String>> goals = new ArrayList<>();
        for (String side : SIDES) {
            List<Run> list = runs.get(side);
            double rate = Stats.median(rates(list));
            long growth = list.stream().mapToLong(r -> r.result.growth()).max().orElse(-1);
            speed.add(Report.row(NAMES.get(side),
                    Stats.spread(list.stream().map(r -> r.result.seconds()).toList()),
                    Stats.spread(rates(list)), Stats.ratio(rate / baseline),
                    Stats.number(Stats.median(list.stream().map(Run::cpuMillisPerMegabyte).toList())) + " ms",
                    Stats.percent(Stats.median(list.stream().map(Run::simCpuPercent).toList())),
                    Stats.percent(Stats.median(list.stream().map(Run::machineBusy).toList())),
                    list.stream().filter(Run::digestMatches).count() + " of " + list.size(),
                    Stats.ratio(Stats.median(list.stream().map(r -> (double) r.bytesServed / r.bytes).toList())),
                    Long.toString(list.stream().mapToLong(Run::tempFilesLeft).sum())));
            heaps.add(Report.row(NAMES.get(side),
                    Stats.mb((long) Stats.median(longs(list, DownloadWorker.Result::idleLive))),
                    Stats.mb(max(list, DownloadWorker.Result::peakAfterFull)),
                    Stats.mb(max(list, DownloadWorker.Result::peakAfterAny)), signedMb(growth),
                    Stats.mb((long) Stats.median(longs(list, DownloadWorker.Result::liveAtEnd))),
                    Stats.number(Stats.median(longs(list, DownloadWorker.Result::fullCollections))),
                    Stats.number(Stats.median(longs(list, DownloadWorker.Result::collections)))));
            if (!side.equals(FileDownload.JDK)) {
                goals.add(Report.row(NAMES.get(side), Stats.ratio(rate / baseline),
                        RunTaskBenchmark.verdict(rate >= THROUGHPUT_GOAL * baseline), signedMb(growth),
                        RunTaskBenchmark.verdict(growth <= HEAP_GOAL_BYTES)));
            }
        }
        report.table(List.of("client", "seconds, median (min–max)", "MB/s, median (min–max)", "vs JDK HttpClient",
                "client JVM CPU per MB", "simulator CPU, % of one core", "machine busy",
                "SHA-256 = fileContent's", "bytes the file host sent / file size", "temp files left"), speed);
        report.table(List.of("client", "live heap idle", "peak after a full GC (forced each second)",
                "peak after any GC (young ones included)", "peak after any GC − idle", "live after the download",
                "full GCs", "all GCs"), heaps);
        report.table(List.of("client", "MB/s / JDK HttpClient's", "goal ≥ 0.90x", "peak after any GC − idle",
                "goal ≤ " + Stats.mb(HEAP_GOAL_BYTES)), goals);
        report.line(String.format(Locale.ROOT,
                "A %,d-byte file (%s; a PDF the simulator generates as it sends it, in 64 KiB blocks), downloaded "
                        + "to a file by each side in its own JVM (-Xms%3$s -Xmx%3$s -XX:+UseSerialGC) against the "
                        + "simulator in the harness JVM on loopback; %4$d round(s), the order of the sides rotating. "
                        + "Each side reads the item (`GET /v2/storage/{id}`, a fresh signed URL), then GETs the URL "
                        + "(no API key) and writes the file: the JDK HttpClient with `BodyHandlers.ofFile`; camel-deck "
                        + "as `from(\"direct:go\").to(\"deck:downloadStorage?storageId=...\").to(\"file:<dir>?fileName="
                        + "large.pdf\")`, by default (the body read whole first: beyond the 128 KB spool threshold into "
                        + "a temporary file handed on as the `File` with `CamelFileLocalWorkPath`, which `file:` moves into place), and with "
                        + "`disableStreamCache=true` and `.streamCache(\"false\")` on the route (the open HTTP stream "
                        + "goes to `file:`). Before the measured download each side downloads a 1 MiB item with the "
                        + "same client (warm-up). The clock runs from the call (`ProducerTemplate.send`, or the first "
                        + "request) to the file written; MB = 2^20 bytes. *Client JVM CPU per MB*: the worker JVM's CPU "
                        + "time over that interval per MB (client, Camel, JIT, GC). Each file is checked against the "
                        + "SHA-256 of `sim.fileContent(id)`, computed once in the harness; *bytes the file host sent*: counted by the simulator during the measured download (above 1.00x: a part was sent again); *temp files left*: files in "
                        + "the worker's own `java.io.tmpdir` after it exited, all rounds. Heap, from the collectors' "
                        + "notifications in the worker (the heap in use right after each collection): *live heap "
                        + "idle*: after a full GC with the client started and warm, just before the download (median "
                        + "of the rounds); *peak after a full GC*: the live heap, largest after the full GCs forced "
                        + "once a second during the download and at its end; *peak after any GC*: the same over every "
                        + "collection, the JVM's own young ones included, which still count the old generation's "
                        + "garbage: an upper bound of the live heap (peaks and *− idle*: the largest of the rounds; "
                        + "counts: medians). Goals: heap flat = peak after any GC − idle ≤ %5$s; throughput ≥ 0.90x "
                        + "the JDK HttpClient's median MB/s in the same run.",
                bytes, Stats.mb(bytes), heap, rounds, Stats.mb(HEAP_GOAL_BYTES)));
        report.line("");
        report.line("Machine: " + loadAtStart + " load average at the start, " + Machine.loadAverage()
                + " at the end.");
    }

    private static List<Double> rates(List<Run> list) {
        return list.stream().map(Run::megabytesPerSecond).toList();
    }

    private static List<Double> longs(List<Run> list, ToLongFunction<DownloadWorker.Result> f) {
        return list.stream().map(r -> (double) f.applyAsLong(r.result)).toList();
    }

    /** The largest of the rounds; -1 (shown as –) when none has a figure (0: no collection ran). */
    private static long max(List<Run> list, ToLongFunction<DownloadWorker.Result> f) {
        return list.stream().mapToLong(r -> f.applyAsLong(r.result)).filter(v -> v > 0).max().orElse(-1);
    }

    private static String signedMb(long bytes) {
        double mb = bytes / MB;
        // no "-0.0"
        return String.format(Locale.ROOT, "%+.1f MB", Math.abs(mb) < 0.05 ? 0.0 : mb);
    }
}
