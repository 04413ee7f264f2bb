package io.github.cameldeck.simulator.files;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs download URLs: the lowercase hex HMAC-SHA256 of {@code key + "\n" + expires} under a secret drawn at random
 * for each simulator, so a URL cannot be forged or have its expiry changed. The secret is never shown.
 */
public final class UrlSigner {

    private final SecretKeySpec secret;

    private UrlSigner(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static UrlSigner withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new UrlSigner(secret);
    }

    /** @param key a storage id, or {@code <run id>/<screenshot number>} */
    public String sign(String key, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal((key + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** True if {@code signature} is the signature of this key and expiry (compared in constant time). */
    public boolean verifies(String key, long expiresEpochSecond, String signature) {
        byte[] expected = sign(key, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        return signature != null && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "UrlSigner[HmacSHA256, secret not shown]";
    }
}
