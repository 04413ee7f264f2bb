package io.github.cameldeck.simulator.util;

import java.util.SplittableRandom;

/**
 * Generates ULID-like identifiers: a type prefix followed by 26 Crockford base32 characters (48 bits of milliseconds,
 * 80 bits of randomness). Identifiers are strictly increasing (also lexicographically) for one generator: within the
 * same millisecond, or if time goes backwards, the random part of the previous id is incremented.
 */
public final class IdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SplittableRandom random;
    private long lastMillis = Long.MIN_VALUE;
    private long randomHigh; // 16 bits used
    private long randomLow; // 64 bits

    public IdGenerator() {
        this(new SplittableRandom().nextLong());
    }

    public IdGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Next id with the given prefix (for example {@code "trun_"}) for the given epoch milliseconds. */
    public synchronized String next(String prefix, long epochMillis) {
        if (epochMillis <= lastMillis) {
            epochMillis = lastMillis;
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        } else {
            lastMillis = epochMillis;
            // keep the top bit clear so increments within one millisecond never overflow in practice
            randomHigh = random.nextInt(1 << 15);
            randomLow = random.nextLong();
        }
        return encode(prefix, epochMillis, randomHigh, randomLow);
    }

    static String encode(String prefix, long millis, long high, long low) {
        char[] out = new char[prefix.length() + 26];
        prefix.getChars(0, prefix.length(), out, 0);
        int p = prefix.length();
        for (int i = 0; i < 10; i++) {
            out[p + i] = ALPHABET[(int) ((millis >>> (45 - 5 * i)) & 31)];
        }
        for (int i = 0; i < 16; i++) {
            int shift = 75 - 5 * i;
            long bits;
            if (shift >= 64) {
                bits = high >>> (shift - 64);
            } else if (shift + 5 <= 64) {
                bits = low >>> shift;
            } else {
                bits = (low >>> shift) | (high << (64 - shift));
            }
            out[p + 10 + i] = ALPHABET[(int) (bits & 31)];
        }
        return new String(out);
    }
}
