package io.github.cameldeck.otp;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226 HOTP: the HMAC of an 8-byte big-endian counter, dynamically truncated to 31 bits and reduced to a number of
 * decimal digits, with leading zeros kept.
 */
final class Hotp {

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private Hotp() {
    }

    static String code(byte[] key, String macAlgorithm, long counter, int digits) {
        byte[] hash = hmac(key, macAlgorithm, counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int truncated = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long value = truncated % POWERS_OF_TEN[digits];
        String text = Long.toString(value);
        return "0".repeat(digits - text.length()) + text;
    }

    private static byte[] hmac(byte[] key, String macAlgorithm, long counter) {
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA1, HmacSHA256 and HmacSHA512
            throw new IllegalStateException("This Java runtime cannot compute " + macAlgorithm, e);
        }
    }
}
