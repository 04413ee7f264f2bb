package io.github.cameldeck.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for client calls where a thread may wait (a consumer's poll or catch-up), and unwraps what futures wrap, so a
 * call's own exception (a {@code DeckApiException}) reaches the caller as it was thrown.
 */
public final class Futures {

    private Futures() {
    }

    /** The call's value; its own exception rethrown when it failed. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Deck", e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** The exception a future's {@link CompletionException} or {@link ExecutionException} wraps, else the error itself. */
    public static Throwable unwrap(Throwable error) {
        if ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }
}
