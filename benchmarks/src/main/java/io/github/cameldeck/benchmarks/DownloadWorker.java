package io.github.cameldeck.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One side of the download benchmark ({@link FileDownload}), in its own JVM (fixed -Xmx, so its heap holds nothing but
 * this client): a warm-up download of a small item to the target file, then the measured download of the large one,
 * then one {@code RESULT key=value ...} line on stdout. The clock runs from the call to the client until the file is
 * written. Meanwhile {@link HeapMonitor} forces a full collection once a second, and {@link HeapAfterGc} notes the
 * heap in use after each collection, forced or not.
 */
public final class DownloadWorker {

    /** Long enough for the notifications of the last collections to arrive. */
    private static final long NOTIFICATION_WAIT_MS = 200;

    private DownloadWorker() {
    }

    /**
     * What one download measured: its time and this JVM's CPU; the live heap after a full GC before it (the client
     * started and warm); the largest heap in use after a full collection (forced once a second, and at its end) and
     * after any collection during it, with their counts; and the live heap after it.
     */
    record Result(String side, double seconds, long cpuNanos, long idleLive, long peakAfterFull, long fullCollections,
            long peakAfterAny, long collections, long liveAtEnd) {

        /** The largest heap in use after any collection during the download, minus the idle live heap. */
        long growth() {
            return peakAfterAny - idleLive;
        }

        String toLine() {
            return String.format(Locale.ROOT,
                    "RESULT side=%s seconds=%s cpuNanos=%d idleLive=%d peakAfterFull=%d fullCollections=%d "
                            + "peakAfterAny=%d collections=%d liveAtEnd=%d",
                    side, seconds, cpuNanos, idleLive, peakAfterFull, fullCollections, peakAfterAny, collections,
                    liveAtEnd);
        }

        static Result parse(String line) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String part : line.substring("RESULT ".length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return new Result(f.get("side"), Double.parseDouble(f.get("seconds")), Long.parseLong(f.get("cpuNanos")),
                    Long.parseLong(f.get("idleLive")), Long.parseLong(f.get("peakAfterFull")),
                    Long.parseLong(f.get("fullCollections")), Long.parseLong(f.get("peakAfterAny")),
                    Long.parseLong(f.get("collections")), Long.parseLong(f.get("liveAtEnd")));
        }
    }

    /** Arguments: side baseUrl apiKey storageId warmupStorageId targetFile. */
    public static void main(String[] args) throws Exception {
        Result result = run(args[0], args[1], args[2], args[3], args[4], Path.of(args[5]),
                WorkerHandshake.readyThenWaitForGo());
        System.out.println(result.toLine());
        System.out.flush();
        System.exit(0);
    }

    /**
     * Warms the client up on {@code warmupId}, then measures the download of {@code storageId} to {@code target};
     * {@code beforeMeasuring} runs between the two.
     */
    static Result run(String side, String baseUrl, String apiKey, String storageId, String warmupId, Path target,
            Runnable beforeMeasuring) throws Exception {
        try (FileDownload client = FileDownload.create(side, baseUrl, apiKey, storageId, target);
                HeapMonitor heap = new HeapMonitor();
                HeapAfterGc afterGc = new HeapAfterGc()) {
            client.warmUp(warmupId);
            Files.delete(target);
            long idle = liveAfterFullGc(afterGc);
            afterGc.reset();
            beforeMeasuring.run();
            // the monitor forces a full collection once a second; the figures come from their notifications
            heap.start();
            long startCpu = Machine.processCpuNanos();
            long start = System.nanoTime();
            client.download();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = Machine.processCpuNanos() - startCpu;
            long live = liveAfterFullGc(afterGc);
            heap.stop(live);
            return new Result(side, seconds, cpu, idle, afterGc.peakAfterFull(), afterGc.fullCollections(),
                    afterGc.peak(), afterGc.collections(), live);
        }
    }

    /**
     * The heap in use right after a full collection, as its notification says (the used heap read after
     * {@code System.gc()} returns also counts what threads allocated since, their new TLABs included).
     */
    private static long liveAfterFullGc(HeapAfterGc afterGc) throws InterruptedException {
        long used = HeapMonitor.liveAfterFullGc();
        Thread.sleep(NOTIFICATION_WAIT_MS);
        long notified = afterGc.lastAfterFull();
        return notified > 0 ? notified : used;
    }
}
