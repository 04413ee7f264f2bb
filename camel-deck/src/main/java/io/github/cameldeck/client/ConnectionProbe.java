package io.github.cameldeck.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.ConnectionCheck;

/**
 * Whether Deck takes an organization's key, asked with {@link DeckClient#testConnection(long)} and remembered for
 * {@code maxAge}: however many callers ask within it, Deck is asked once. Callers that ask while a test is on its way
 * wait for that one.
 */
public final class ConnectionProbe {

    /** What a test found. */
    public enum State {
        /** Deck answered 200. */
        UP,
        /** Deck refused the key, or could not be reached. */
        DOWN,
        /** No permit of the request budget came in time, or Deck answered 429: the key was not tested. */
        UNTESTED
    }

    /**
     * @param status    the HTTP status; 0 when Deck could not be reached
     * @param errorCode Deck's error code; null when it sent none
     * @param requestId Deck's request_id; null when it sent none
     * @param message   what went wrong; null when up
     * @param at        when the test ended
     */
    public record Outcome(State state, int status, String errorCode, String requestId, String message, Instant at) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final long timeoutMs;
    private Outcome last;
    private CompletableFuture<Outcome> running;

    /**
     * @param maxAge    how long an outcome is given again without asking Deck
     * @param timeoutMs how long a test may wait for the budget, and then for Deck's answer
     */
    public ConnectionProbe(Clock clock, Duration maxAge, long timeoutMs) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.timeoutMs = timeoutMs;
    }

    /** The last outcome while it is younger than maxAge, else a new test with {@code client}. */
    public Outcome check(DeckClient client) {
        CompletableFuture<Outcome> test;
        boolean mine = false;
        synchronized (this) {
            if (last != null && clock.instant().isBefore(last.at().plus(maxAge))) {
                return last;
            }
            if (running == null) {
                running = new CompletableFuture<>();
                mine = true;
            }
            test = running;
        }
        if (mine) {
            // sent outside the lock: the first attempt runs on this thread
            CompletableFuture<ConnectionCheck> call;
            try {
                call = client.testConnection(timeoutMs);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.handle((answer, error) -> outcome(error)).thenAccept(test::complete);
        }
        Outcome outcome = test.join();
        synchronized (this) {
            if (running == test) {
                running = null;
                last = outcome;
            }
        }
        return outcome;
    }

    private Outcome outcome(Throwable error) {
        Instant now = clock.instant();
        if (error == null) {
            return new Outcome(State.UP, 200, null, null, null, now);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DeckApiException deck) {
            State state = deck.getHttpResponseCode() == 429 ? State.UNTESTED : State.DOWN;
            return new Outcome(state, Math.max(deck.getHttpResponseCode(), 0), deck.getErrorCode(),
                    deck.getRequestId(), deck.getMessage(), now);
        }
        return new Outcome(State.DOWN, 0, null, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                now);
    }
}
