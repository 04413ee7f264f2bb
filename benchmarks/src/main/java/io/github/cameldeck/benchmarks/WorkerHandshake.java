package io.github.cameldeck.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The worker side of a forked benchmark JVM's start signal: it prints {@code READY} once warm, and the parent, having
 * noted the simulator's counters, answers a line to let the measured pass begin.
 */
final class WorkerHandshake {

    private WorkerHandshake() {
    }

    /** What a worker runs between its warm-up and its measured pass. */
    static Runnable readyThenWaitForGo() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return () -> {
            System.out.println("READY");
            System.out.flush();
            try {
                in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
