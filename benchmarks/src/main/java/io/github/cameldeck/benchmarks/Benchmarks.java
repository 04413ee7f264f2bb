package io.github.cameldeck.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The benchmark run: every part against the in-process simulator on loopback, tables on stdout and in
 * {@code target/benchmarks-results.md}. Run it with
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -f benchmarks/pom.xml compile exec:exec
 * </pre>
 *
 * ({@code -Dbench.options=quick} for a short pass; see {@link Options}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(System.getProperty("bench.options", String.join(",", args)));
        String out = System.getProperty("bench.out", "target/benchmarks-results.md");
        Report report = new Report(Path.of(out));
        long start = System.nanoTime();
        report.line("# camel-deck benchmarks");
        report.line("");
        report.line("Run " + Instant.now() + ". Machine: " + Machine.describe() + ".");
        report.line("");
        report.line("Options: " + options);
        if (options.part("capacity")) {
            SimulatorCapacity.run(options, report);
        }
        if (options.part("runTask")) {
            RunTaskBenchmark.run(options, report);
        }
        if (options.part("drain")) {
            DrainBenchmark.run(options, report);
        }
        if (options.part("idle") || options.part("latency")) {
            ConsumerBenchmark.run(options, report, options.part("idle"), options.part("latency"));
        }
        if (options.part("push")) {
            PushBenchmark.run(options, report);
        }
        if (options.part("fanout")) {
            FanoutBenchmark.run(options, report);
        }
        if (options.part("waits")) {
            FanoutBenchmark.runWaits(options, report);
        }
        if (options.part("download")) {
            DownloadBenchmark.run(options, report);
        }
        report.line("");
        report.line(String.format(Locale.ROOT, "Whole run: %.0f s. Load average at the end: %s.",
                (System.nanoTime() - start) / 1e9, Machine.loadAverage()));
        System.exit(0);
    }
}
