package io.github.cameldeck.simulator;

/**
 * Deck's error object {@code {type, code, message, field?}}, used in HTTP error envelopes and in
 * {@code task_run.errors}.
 */
public record DeckError(String type, String code, String message, String field) {

    public DeckError(String type, String code, String message) {
        this(type, code, message, null);
    }

    /** The default error of a scenario whose outcome is {@code failed}. */
    public static DeckError sourceError() {
        return new DeckError("source", "source_error", "The source website returned an error.");
    }
}
