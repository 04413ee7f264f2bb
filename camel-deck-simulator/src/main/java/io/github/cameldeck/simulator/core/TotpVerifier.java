package io.github.cameldeck.simulator.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a bank's verifier does with the code from an authenticator app: RFC 6238 TOTP over RFC 4226 HOTP with the
 * authenticator defaults (HMAC-SHA1, 6 digits, 30-second steps), accepting the code of the current step and of the
 * step before and after it, as banks do for a phone whose clock is a little off or a code typed just as it changed.
 * The secret is Base32 (RFC 4648, as apps show it: any case, spaces and {@code =} padding ignored).
 * <p>
 * The simulator's own check, written apart from camel-deck's {@code Totp} on purpose: it stands in for the bank, so
 * a bug in the client's code generation is not mirrored by the same bug here. No message shows the secret or a code.
 */
public final class TotpVerifier {

    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Seconds per time step. */
    public static final long STEP_SECONDS = 30;
    /** Steps accepted on either side of the current one. */
    public static final int WINDOW = 1;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int MODULUS = 1_000_000;

    private final byte[] key;

    private TotpVerifier(byte[] key) {
        this.key = key;
    }

    /**
     * A verifier for a Base32 secret.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32 (the message does not show it)
     */
    public static TotpVerifier ofBase32(String secret) {
        return new TotpVerifier(base32(secret));
    }

    /** Whether the secret is non-empty Base32, without throwing. */
    public static boolean isBase32(String secret) {
        try {
            base32(secret);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code code} (surrounding blanks ignored) is the code of the step of {@code now}, or of the step before or
     * after it. Compared in constant time.
     */
    public boolean verify(String code, Instant now) {
        if (code == null) {
            return false;
        }
        byte[] given = code.trim().getBytes(StandardCharsets.US_ASCII);
        long step = step(now);
        boolean match = false;
        for (long s = step - WINDOW; s <= step + WINDOW; s++) {
            match |= MessageDigest.isEqual(given, codeAtStep(s).getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /** The code an authenticator app shows at {@code at}. */
    public String codeAt(Instant at) {
        return codeAtStep(step(at));
    }

    /** The time step of an instant: whole {@link #STEP_SECONDS} since the Unix epoch. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 HOTP of a counter, zero-padded to {@link #DIGITS} digits. */
    String codeAtStep(long counter) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % MODULUS);
    }

    /** RFC 4648 Base32, case-insensitive, spaces, dashes and padding ignored. */
    static byte[] base32(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("A TOTP secret is required");
        }
        String text = secret.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A TOTP secret is required");
        }
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("The TOTP secret is not Base32 (A-Z, 2-7)");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out[length++] = (byte) (buffer >> bits - 8);
                bits -= 8;
            }
        }
        if (length == 0) {
            throw new IllegalArgumentException("The TOTP secret is too short");
        }
        return Arrays.copyOf(out, length);
    }

    @Override
    public String toString() {
        return "TotpVerifier[secret hidden]";
    }
}
