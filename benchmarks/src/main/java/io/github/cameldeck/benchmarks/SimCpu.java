package io.github.cameldeck.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used by the simulator's own threads (its HTTP workers, the JDK server's dispatcher and its ticker), so each
 * table can show how much of the machine the simulator took while a client was measured.
 */
final class SimCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> start;
    private final long startNanos = System.nanoTime();

    private SimCpu(Map<Long, Long> start) {
        this.start = start;
    }

    static SimCpu start() {
        return new SimCpu(snapshot());
    }

    /** CPU nanoseconds the simulator threads used since {@link #start()}. */
    long cpuNanos() {
        long sum = 0;
        for (Map.Entry<Long, Long> e : snapshot().entrySet()) {
            sum += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** The simulator's CPU use since {@link #start()} in percent of one core. */
    double percentOfOneCore() {
        long wall = System.nanoTime() - startNanos;
        return wall <= 0 ? Double.NaN : 100.0 * cpuNanos() / wall;
    }

    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = infos[i];
            if (info != null && isSimulatorThread(info.getThreadName())) {
                long t = THREADS.getThreadCpuTime(ids[i]);
                if (t >= 0) {
                    cpu.put(ids[i], t);
                }
            }
        }
        return cpu;
    }

    static boolean isSimulatorThread(String name) {
        return name.startsWith("deck-simulator") || name.startsWith("HTTP-Dispatcher");
    }
}
