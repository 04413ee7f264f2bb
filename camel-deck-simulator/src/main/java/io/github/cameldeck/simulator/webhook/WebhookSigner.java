package io.github.cameldeck.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.cameldeck.simulator.core.WebhookSecrets;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256>} over {@code "{webhook-id}.{webhook-timestamp}.{body}"}
 * keyed with the decoded secret; one space-separated entry per secret.
 */
final class WebhookSigner {

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value, one entry per secret in order. */
    static String header(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add("v1," + Base64.getEncoder().encodeToString(hmac(secret, webhookId, timestamp, body)));
        }
        return header.toString();
    }

    /** A header of the right form whose signatures do not verify (a fault). */
    static String corruptedHeader(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            byte[] signature = hmac(secret, webhookId, timestamp, body);
            signature[0] ^= 0x5A;
            header.add("v1," + Base64.getEncoder().encodeToString(signature));
        }
        return header.toString();
    }

    private static byte[] hmac(String secret, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
