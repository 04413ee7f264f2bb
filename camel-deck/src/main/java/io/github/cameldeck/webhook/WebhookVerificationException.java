package io.github.cameldeck.webhook;

/**
 * A webhook delivery that is not proven to come from Deck: a header is missing or malformed, the timestamp is outside
 * the tolerance, or no signature matches a configured secret. The message names the reason and never a secret.
 */
public class WebhookVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a delivery was refused, in words fit for a metric's tag. */
    public enum Reason {
        /** A webhook-id, webhook-timestamp or webhook-signature header is missing. */
        MISSING_HEADER("missing_header"),
        /** The timestamp is not Unix seconds, or the signature header has no v1 signature. */
        MALFORMED_HEADER("malformed_header"),
        /** The timestamp is older than the tolerance. */
        STALE_TIMESTAMP("stale_timestamp"),
        /** The timestamp is further in the future than the tolerance. */
        FUTURE_TIMESTAMP("future_timestamp"),
        /** No signature matches a configured secret. */
        SIGNATURE_MISMATCH("signature_mismatch");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** The reason in lower case with underscores: {@code signature_mismatch}. */
        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
