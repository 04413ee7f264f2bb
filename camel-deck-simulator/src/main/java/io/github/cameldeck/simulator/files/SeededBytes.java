package io.github.cameldeck.simulator.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fast pseudo-random generator (SplitMix64) whose output depends only on its seed, so a file's bytes are the same
 * every time and on every JVM. Not for secrets.
 */
final class SeededBytes {

    private long state;

    SeededBytes(long seed) {
        this.state = seed;
    }

    /** A generator seeded from the SHA-256 of {@code key}. */
    static SeededBytes forKey(String key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (digest[i] & 0xFF);
        }
        return new SeededBytes(seed);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [0, bound)}; the tiny modulo bias does not matter here. */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    void fill(byte[] target, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (end - i >= 8) {
            long v = nextLong();
            for (int b = 0; b < 8; b++) {
                target[i++] = (byte) v;
                v >>>= 8;
            }
        }
        if (i < end) {
            long v = nextLong();
            while (i < end) {
                target[i++] = (byte) v;
                v >>>= 8;
            }
        }
    }
}
