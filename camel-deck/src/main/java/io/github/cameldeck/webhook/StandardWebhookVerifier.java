package io.github.cameldeck.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Deck's webhook deliveries by the Standard Webhooks scheme: the signed content is
 * {@code "<webhook-id>.<webhook-timestamp>.<raw body>"}, signed with HMAC-SHA256 keyed by the base64 part of a
 * {@code whsec_} secret; {@code webhook-signature} holds one or more space-separated {@code v1,<base64>} entries. A
 * delivery is accepted when its timestamp is within the tolerance of this host's clock and any entry matches any
 * configured secret (several secrets cover a rotation, when Deck keeps the old one valid for 24 hours). Signatures are
 * compared in constant time.
 */
public final class StandardWebhookVerifier {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param  secrets                  the signing secrets ({@code whsec_...}; the prefix may be left out)
     * @param  tolerance                how far the delivery's timestamp may be from this host's clock, either way
     * @throws IllegalArgumentException when there is no secret or one is not base64 (the message never shows it)
     */
    public StandardWebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "No webhook secret: at least one whsec_ secret is needed to verify Deck's "
                            + "webhooks");
        }
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("The signature tolerance must be positive");
        }
        List<SecretKeySpec> parsed = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            parsed.add(new SecretKeySpec(decode(secrets.get(i), i + 1), HMAC));
        }
        this.keys = List.copyOf(parsed);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    private static byte[] decode(String secret, int position) {
        String value = secret == null ? "" : secret.trim();
        if (value.startsWith(SECRET_PREFIX)) {
            value = value.substring(SECRET_PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Webhook secret number " + position
                    + " is not a whsec_ secret: the part after whsec_ must be base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("Webhook secret number " + position + " is empty");
        }
        return key;
    }

    /**
     * Checks one delivery.
     *
     * @throws WebhookVerificationException naming what is wrong
     */
    public void verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body)
            throws WebhookVerificationException {
        if (webhookId == null || webhookId.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "Missing webhook-id header");
        }
        if (webhookTimestamp == null || webhookTimestamp.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "Missing webhook-timestamp header");
        }
        if (webhookSignature == null || webhookSignature.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "Missing webhook-signature header");
        }
        checkTimestamp(webhookTimestamp.trim());
        byte[] content = signedContent(webhookId.trim(), webhookTimestamp.trim(), body);
        List<byte[]> candidates = signatures(webhookSignature);
        if (candidates.isEmpty()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER,
                    "The webhook-signature header has no v1 signature");
        }
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = sign(key, content);
            for (byte[] candidate : candidates) {
                // no early exit: the time taken does not tell which secret or entry matched
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                    "No webhook signature matches a configured secret");
        }
    }

    private void checkTimestamp(String value) throws WebhookVerificationException {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER,
                    "The webhook-timestamp header is not Unix seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(tolerance))) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.STALE_TIMESTAMP,
                    "The webhook-timestamp is too old (sent at " + sent + ", tolerance "
                            + tolerance + ")");
        }
        if (sent.isAfter(now.plus(tolerance))) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.FUTURE_TIMESTAMP,
                    "The webhook-timestamp is in the future (sent at " + sent
                            + ", tolerance " + tolerance + ")");
        }
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] raw = body != null ? body : new byte[0];
        byte[] content = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(raw, 0, content, prefix.length, raw.length);
        return content;
    }

    /** The v1 entries of the header; other versions and unreadable entries are skipped. */
    private static List<byte[]> signatures(String header) {
        List<byte[]> result = new ArrayList<>();
        for (String entry : header.trim().split("\\s+")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && "v1".equals(entry.substring(0, comma))) {
                try {
                    result.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match
                }
            }
        }
        return result;
    }

    /** The signature of a delivery, as Deck would put it in {@code webhook-signature} (for tests and tools). */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        SecretKeySpec key = new SecretKeySpec(decode(secret, 1), HMAC);
        String timestamp = Long.toString(timestampSeconds);
        return "v1," + Base64.getEncoder().encodeToString(sign(key, signedContent(webhookId, timestamp, body)));
    }

    private static byte[] sign(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
