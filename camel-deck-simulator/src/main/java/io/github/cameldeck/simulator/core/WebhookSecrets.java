package io.github.cameldeck.simulator.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signing secrets of a webhook destination: the current one and, for {@link #ROTATION_OVERLAP} after each
 * rotation, the ones it replaced (Deck keeps an old secret valid for 24 hours). Secrets have the Standard Webhooks
 * form {@code whsec_<base64 key>}.
 */
public record WebhookSecrets(String current, List<Retired> retired) {

    public static final String PREFIX = "whsec_";
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A replaced secret and the end of its validity. */
    public record Retired(String secret, Instant validUntil) {
    }

    public WebhookSecrets {
        retired = List.copyOf(retired);
    }

    public static WebhookSecrets of(String secret) {
        return new WebhookSecrets(secret, List.of());
    }

    /** {@code whsec_} plus the base64 of 32 random bytes. */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** True for {@code whsec_} followed by non-empty valid base64. */
    public static boolean isWellFormed(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return false;
        }
        try {
            return key(secret).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** {@code next} becomes current; the current one stays valid for {@link #ROTATION_OVERLAP}. */
    public WebhookSecrets rotate(String next, Instant now) {
        List<Retired> kept = new ArrayList<>();
        for (Retired r : retired) {
            if (now.isBefore(r.validUntil())) {
                kept.add(r);
            }
        }
        kept.add(0, new Retired(current, now.plus(ROTATION_OVERLAP)));
        return new WebhookSecrets(next, kept);
    }

    /** The secrets to sign with at {@code now}: the current one first, then the retired ones still valid. */
    public List<String> signingSecrets(Instant now) {
        List<String> list = new ArrayList<>();
        list.add(current);
        for (Retired r : retired) {
            if (now.isBefore(r.validUntil())) {
                list.add(r.secret());
            }
        }
        return list;
    }
}
