package io.github.cameldeck.client;

import java.time.Instant;

/**
 * What Deck answered: the status, the raw body and the headers camel-deck uses.
 *
 * @param status         the HTTP status
 * @param body           the body, never null
 * @param contentType    the Content-Type header, or null
 * @param retryAfterMs   the Retry-After header in milliseconds, or -1 when absent or unreadable
 * @param serverTime     the Date header: Deck's clock when it answered, or null
 */
public record DeckResponse(int status, byte[] body, String contentType, long retryAfterMs,
        Instant serverTime) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
