package io.github.cameldeck.client;

/**
 * No permit of Deck's request budget came within a call's wait (rateLimitTimeout), or the application stopped while
 * it waited; {@link DeckCall} reports it as a DeckApiException that says how long the budget stayed exhausted.
 */
public final class BudgetExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BudgetExhaustedException(String message) {
        super(message, null, false, false);
    }
}
