package io.github.cameldeck.otp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 6238 time-based one-time passwords, as authenticator apps and banks compute them: the RFC 4226 HOTP of the
 * number of whole periods since the Unix epoch (T0 = 0). The defaults are the apps': HMAC-SHA1, 6 digits, 30 seconds.
 * <p>
 * Immutable and thread-safe; the {@code with...} methods return a copy. Neither {@link #toString()} nor any exception
 * message shows the secret.
 */
public final class Totp {

    /** The HMAC under the HOTP. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String macName;

        Algorithm(String macName) {
            this.macName = macName;
        }

        /** The JCA name of the HMAC ({@code HmacSHA1}...). */
        public String macName() {
            return macName;
        }
    }

    public static final int DEFAULT_DIGITS = 6;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 10;

    private final byte[] key;
    private final Algorithm algorithm;
    private final int digits;
    private final long periodSeconds;
    private final Clock clock;

    private Totp(byte[] key, Algorithm algorithm, int digits, long periodSeconds, Clock clock) {
        this.key = key;
        this.algorithm = algorithm;
        this.digits = digits;
        this.periodSeconds = periodSeconds;
        this.clock = clock;
    }

    /**
     * A generator for a secret in Base32, as an authenticator app's setup screen or QR code shows it (any case, spaces
     * and {@code =} padding allowed), with the default algorithm, digits, period and the system clock.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32 (the message gives the position of the
     *                                  first bad character, never the secret)
     */
    public static Totp fromBase32(String secret) {
        return new Totp(Base32.decode(secret), Algorithm.SHA1, DEFAULT_DIGITS, DEFAULT_PERIOD.getSeconds(),
                Clock.systemUTC());
    }

    /**
     * A generator for a secret given as its bytes (copied), with the default algorithm, digits, period and the system
     * clock.
     *
     * @throws IllegalArgumentException when the key is empty
     */
    public static Totp fromKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("The TOTP key is empty");
        }
        return new Totp(key.clone(), Algorithm.SHA1, DEFAULT_DIGITS, DEFAULT_PERIOD.getSeconds(), Clock.systemUTC());
    }

    public Totp withAlgorithm(Algorithm newAlgorithm) {
        return new Totp(key, Objects.requireNonNull(newAlgorithm, "algorithm"), digits, periodSeconds, clock);
    }

    /** @throws IllegalArgumentException unless 6 to 10 (a 10-digit code carries 31 bits: its first digit is 0, 1 or 2) */
    public Totp withDigits(int newDigits) {
        if (newDigits < MIN_DIGITS || newDigits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "A TOTP code has " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, not " + newDigits);
        }
        return new Totp(key, algorithm, newDigits, periodSeconds, clock);
    }

    /** @throws IllegalArgumentException unless a positive whole number of seconds */
    public Totp withPeriod(Duration newPeriod) {
        if (newPeriod == null || newPeriod.isNegative() || newPeriod.isZero() || newPeriod.getNano() != 0) {
            throw new IllegalArgumentException("The TOTP period must be a positive whole number of seconds, not "
                    + newPeriod);
        }
        return new Totp(key, algorithm, digits, newPeriod.getSeconds(), clock);
    }

    /** The clock {@link #codeNow()} reads. */
    public Totp withClock(Clock newClock) {
        return new Totp(key, algorithm, digits, periodSeconds, Objects.requireNonNull(newClock, "clock"));
    }

    /** The code valid at the clock's current instant. */
    public String codeNow() {
        return codeAt(clock.instant());
    }

    /**
     * The code valid at {@code time}: the same for every instant of one period.
     *
     * @throws IllegalArgumentException when {@code time} is before the Unix epoch
     */
    public String codeAt(Instant time) {
        return Hotp.code(key, algorithm.macName(), counterAt(time), digits);
    }

    /** The RFC 6238 time step {@code T} at {@code time}: whole periods since the Unix epoch. */
    public long counterAt(Instant time) {
        if (time.getEpochSecond() < 0) {
            throw new IllegalArgumentException("TOTP counts periods from the Unix epoch; " + time + " is before it");
        }
        return time.getEpochSecond() / periodSeconds;
    }

    public Algorithm getAlgorithm() {
        return algorithm;
    }

    public int getDigits() {
        return digits;
    }

    public Duration getPeriod() {
        return Duration.ofSeconds(periodSeconds);
    }

    @Override
    public String toString() {
        return "Totp[" + algorithm + ", " + digits + " digits, " + periodSeconds + " s period]";
    }
}
