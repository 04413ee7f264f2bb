package io.github.cameldeck.client;

import io.github.cameldeck.DeckApiException;

/**
 * A successful answer whose body is not the JSON it should be (truncated, empty, not JSON); {@link DeckClient} retries
 * the call and, when retries run out, reports it as a {@link DeckApiException}.
 */
final class UnreadableAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DeckErrorReader errorReader;
    private final transient DeckRequest request;
    private final transient DeckResponse response;

    UnreadableAnswerException(DeckErrorReader errorReader, DeckRequest request, DeckResponse response,
            Exception cause) {
        super(cause);
        this.errorReader = errorReader;
        this.request = request;
        this.response = response;
    }

    DeckApiException withRetries(int retries) {
        return errorReader.unreadableSuccess(request, response, (Exception) getCause(), retries);
    }
}
