package io.github.cameldeck.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Runs one call in a loop from N threads for a fixed time, recording each call's latency. */
final class Load {

    /** One call; an exception or a false return counts as a failure. */
    @FunctionalInterface
    interface Call {
        boolean call() throws Exception;
    }

    record Result(int threads, long ok, long failed, double seconds, long[] latenciesNanos, double simCpuPercent,
            long simCpuNanos, long processCpuNanos, double machineBusyPercent, Throwable firstError) {

        double perSecond() {
            return ok / seconds;
        }

        /** Simulator CPU per successful request, microseconds. */
        double simMicrosPerRequest() {
            return ok == 0 ? Double.NaN : simCpuNanos / 1000.0 / ok;
        }

        /** CPU of everything in this JVM but the simulator (the client, Camel, the GC), per call, microseconds. */
        double clientMicrosPerCall() {
            return ok == 0 ? Double.NaN : (processCpuNanos - simCpuNanos) / 1000.0 / ok;
        }
    }

    private Load() {
    }

    static Result run(int threads, double seconds, Call call) throws Exception {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-caller");
            t.setDaemon(true);
            return t;
        });
        try {
            long[] machineBefore = Machine.cpuTicks();
            SimCpu sim = SimCpu.start();
            long processCpu = Machine.processCpuNanos();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    long[] mine = new long[4096];
                    int n = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean success;
                        try {
                            success = call.call();
                        } catch (Exception e) {
                            firstError.compareAndSet(null, e);
                            success = false;
                        }
                        long took = System.nanoTime() - t0;
                        if (success) {
                            ok.increment();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        } else {
                            failed.increment();
                        }
                    }
                    latencies[index] = mine;
                    counts[index] = n;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long simNanos = sim.cpuNanos();
            long processNanos = Machine.processCpuNanos() - processCpu;
            double simPercent = sim.percentOfOneCore();
            double busy = Machine.busyPercent(machineBefore, Machine.cpuTicks());
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            long[] all = new long[total];
            int pos = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies[t], 0, all, pos, counts[t]);
                pos += counts[t];
            }
            return new Result(threads, ok.sum(), failed.sum(), elapsed, all, simPercent, simNanos, processNanos, busy,
                    firstError.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
