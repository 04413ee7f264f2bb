package io.github.cameldeck.webhook;

/**
 * A webhook delivery that is not proven to come from Deck: a header is missing or malformed, the timestamp is outside
 * the tolerance, or no signature matches a configured secret. The message names the reason and never a secret.
 */
public class WebhookVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
