package io.github.cameldeck.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * One side of the drain benchmark, in its own JVM (fixed -Xmx, so its heap holds nothing but this client): reads every
 * completed run of the backlog and hands each to a handler, then prints one {@code RESULT key=value ...} line.
 * <p>
 * Sides: {@code loop} (a plain paging loop: JDK HttpClient over
 * {@code GET /v2/task-runs?status=completed&limit=100}, following {@code next_cursor}), {@code deck} (a route from
 * {@code deck:taskRuns} with the default options) and {@code deck-greedy} ({@code deck:taskRuns?greedy=true}). A
 * warm-up pass (a separate client instance over the first runs of the same backlog) comes first; the clock starts at
 * the measured pass's first request (the loop) or first poll (the consumer, so its initialDelay is not counted).
 */
public final class DrainWorker {

    private DrainWorker() {
    }

    /** What one drain measured. */
    record Result(String side, long expected, long drained, double seconds, long baselineLive, long peakUsed,
            long peakLive, long liveAtEnd, long liveSamples, long cpuNanos) {

        double perSecond() {
            return drained / seconds;
        }

        /** This JVM's CPU time during the measured drain (the client, Camel, the JIT, the GC) per run, microseconds. */
        double cpuMicrosPerRun() {
            return drained == 0 ? Double.NaN : cpuNanos / 1000.0 / drained;
        }

        String toLine() {
            return String.format(Locale.ROOT,
                    "RESULT side=%s expected=%d drained=%d seconds=%s baselineLive=%d peakUsed=%d peakLive=%d "
                            + "liveAtEnd=%d liveSamples=%d cpuNanos=%d",
                    side, expected, drained, seconds, baselineLive, peakUsed, peakLive, liveAtEnd, liveSamples,
                    cpuNanos);
        }

        static Result parse(String line) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String part : line.substring("RESULT ".length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return new Result(f.get("side"), Long.parseLong(f.get("expected")), Long.parseLong(f.get("drained")),
                    Double.parseDouble(f.get("seconds")), Long.parseLong(f.get("baselineLive")),
                    Long.parseLong(f.get("peakUsed")), Long.parseLong(f.get("peakLive")),
                    Long.parseLong(f.get("liveAtEnd")), Long.parseLong(f.get("liveSamples")),
                    Long.parseLong(f.get("cpuNanos")));
        }
    }

    /** Arguments: side baseUrl apiKey expectedRuns maxSeconds warmupRuns settleSeconds. */
    public static void main(String[] args) throws Exception {
        Result result = run(args[0], args[1], args[2], Long.parseLong(args[3]), Double.parseDouble(args[4]),
                Integer.parseInt(args[5]), Double.parseDouble(args[6]), WorkerHandshake.readyThenWaitForGo());
        System.out.println(result.toLine());
        System.out.flush();
        System.exit(0);
    }

    /**
     * Warms up, then measures one drain of {@code expected} runs (or for {@code maxSeconds}); {@code beforeMeasuring}
     * runs between the two.
     */
    static Result run(String side, String baseUrl, String apiKey, long expected, double maxSeconds, int warmupRuns,
            double settleSeconds, Runnable beforeMeasuring) throws Exception {
        try (HeapMonitor heap = new HeapMonitor()) {
            Drain drain = switch (side) {
                case "loop" -> new LoopDrain(baseUrl, apiKey);
                case "deck" -> new DeckDrain(baseUrl, apiKey, "");
                case "deck-greedy" -> new DeckDrain(baseUrl, apiKey, "greedy=true");
                default -> throw new IllegalArgumentException("Unknown side " + side);
            };
            if (warmupRuns > 0) {
                drain.drain(Math.min(warmupRuns, expected), 60);
                drain.stop();
            }
            long baseline = HeapMonitor.liveAfterFullGc();
            beforeMeasuring.run();
            heap.start();
            Measured m = drain.drain(expected, maxSeconds);
            // the client keeps running a little, still measured (the consumer goes on to read the event log)
            Thread.sleep((long) (settleSeconds * 1000));
            long live = HeapMonitor.liveAfterFullGc();
            heap.stop(live);
            drain.stop();
            return new Result(side, expected, m.drained, m.seconds, baseline, heap.peakUsed(), heap.peakLive(), live,
                    heap.liveSamples(), m.cpuNanos);
        }
    }

    /** Runs handled, and the time and this JVM's CPU from the first request or poll to the last run handled. */
    record Measured(long drained, double seconds, long cpuNanos) {
    }

    /** Reads runs until {@code limit} were handled or {@code maxSeconds} passed; the measured state stays reachable. */
    private interface Drain {
        Measured drain(long limit, double maxSeconds) throws Exception;

        /** Ends the client (the consumer's context); the next drain starts from scratch. */
        void stop() throws Exception;
    }

    /** The plain paging loop with the JDK client. */
    static final class LoopDrain implements Drain {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final ObjectMapper mapper = new ObjectMapper();
        private final String baseUrl;
        private final String authorization;
        long handled;
        String lastId;

        LoopDrain(String baseUrl, String apiKey) {
            this.baseUrl = baseUrl;
            this.authorization = "Bearer " + apiKey;
        }

        @Override
        public Measured drain(long limit, double maxSeconds) throws IOException, InterruptedException {
            long start = System.nanoTime();
            long startCpu = Machine.processCpuNanos();
            long deadline = start + (long) (maxSeconds * 1e9);
            long count = 0;
            String cursor = null;
            do {
                String url = baseUrl + "/task-runs?status=completed&limit=100"
                        + (cursor != null ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + ": " + new String(response.body()));
                }
                JsonNode page = mapper.readTree(response.body());
                for (JsonNode run : page.get("data")) {
                    handle(run);
                    count++;
                }
                cursor = page.path("has_more").asBoolean(false) ? page.path("next_cursor").asText(null) : null;
            } while (cursor != null && count < limit && System.nanoTime() < deadline);
            return new Measured(count, (System.nanoTime() - start) / 1e9, Machine.processCpuNanos() - startCpu);
        }

        private void handle(JsonNode run) {
            lastId = run.get("id").asText();
            handled++;
        }

        @Override
        public void stop() {
            // the JDK client has no close on Java 17; its idle connections are reused by the next pass
        }
    }

    /** A route from deck:taskRuns that hands each run to a processor. */
    static final class DeckDrain implements Drain {
        private final String baseUrl;
        private final String apiKey;
        private final String extraOptions;
        private CamelContext context;

        DeckDrain(String baseUrl, String apiKey, String extraOptions) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.extraOptions = extraOptions;
        }

        @Override
        public Measured drain(long limit, double maxSeconds) throws Exception {
            context = Contexts.deckUnpaced(baseUrl, apiKey);
            FirstPoll firstPoll = new FirstPoll();
            context.getRegistry().bind("firstPoll", firstPoll);
            AtomicLong count = new AtomicLong();
            AtomicLong lastAt = new AtomicLong();
            AtomicLong lastCpu = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            String uri = "deck:taskRuns?pollStrategy=#firstPoll" + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("drain").process(exchange -> {
                        TaskRun run = exchange.getIn().getBody(TaskRun.class);
                        if (run.getId() != null && count.incrementAndGet() == limit) {
                            lastAt.set(System.nanoTime());
                            lastCpu.set(Machine.processCpuNanos());
                            done.countDown();
                        }
                    });
                }
            });
            context.start();
            long startWait = System.nanoTime();
            // the clock starts at the first poll: initialDelay (1 s by default) is start-up, not draining
            while (firstPoll.at.get() == 0 && System.nanoTime() - startWait < 30_000_000_000L) {
                Thread.sleep(1);
            }
            long start = firstPoll.at.get();
            long deadline = start + (long) (maxSeconds * 1e9);
            long remaining = deadline - System.nanoTime();
            if (!done.await(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
                long drained = count.get();
                return new Measured(drained, (System.nanoTime() - start) / 1e9,
                        Machine.processCpuNanos() - firstPoll.cpu.get());
            }
            return new Measured(count.get(), (lastAt.get() - start) / 1e9, lastCpu.get() - firstPoll.cpu.get());
        }

        @Override
        public void stop() throws Exception {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    /** Camel's default poll strategy that also notes when the first poll began. */
    static final class FirstPoll extends DefaultPollingConsumerPollStrategy {
        final AtomicLong at = new AtomicLong();
        final AtomicLong cpu = new AtomicLong();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            if (at.get() == 0) {
                cpu.set(Machine.processCpuNanos());
                at.set(System.nanoTime());
            }
            return super.begin(consumer, endpoint);
        }
    }
}
