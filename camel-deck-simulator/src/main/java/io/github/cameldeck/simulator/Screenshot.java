package io.github.cameldeck.simulator;

import java.time.Instant;

/** A fake screenshot artifact of a run; {@code sequence} starts at 1 and names the file. */
public record Screenshot(int sequence, Instant createdAt, String reasoning) {

    public static final String FILE_TYPE = "image/png";

    public String fileName() {
        return String.format("screenshot_%04d.png", sequence);
    }

    /** A deterministic, plausible size in bytes. */
    public long fileSize() {
        return 380_000L + (sequence * 7919L) % 40_000L;
    }
}
