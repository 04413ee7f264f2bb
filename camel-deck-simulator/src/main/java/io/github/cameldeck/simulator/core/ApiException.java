package io.github.cameldeck.simulator.core;

import io.github.cameldeck.simulator.DeckError;

/**
 * An API error: the HTTP status and the Deck error object. Thrown by the simulator's operations; the HTTP layer
 * turns it into the error envelope, the Java API lets it propagate.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient DeckError error;

    public ApiException(int status, DeckError error) {
        super(status + " " + error.type() + "/" + error.code() + ": " + error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public DeckError error() {
        return error;
    }

    public static ApiException inputMissing(String field) {
        return new ApiException(400, new DeckError("request", "input_missing",
                "`" + field + "` is required and cannot be empty.", field));
    }

    public static ApiException inputInvalid(String field, String message) {
        return new ApiException(400, new DeckError("request", "input_invalid", message, field));
    }

    public static ApiException notFound(String type, String code, String message) {
        return new ApiException(404, new DeckError(type, code, message));
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, new DeckError("request", code, message));
    }

    /** A deleted credential cannot be changed or used for runs ({@code field} may be null). */
    public static ApiException credentialDeleted(String credentialId, String field) {
        return new ApiException(400, new DeckError("request", "credential_deleted",
                "Credential " + credentialId + " has been deleted.", field));
    }

    public static ApiException cursorInvalid(String field) {
        return new ApiException(400, new DeckError("request", "cursor_invalid",
                "The cursor is invalid or expired. Start again from the first page.", field));
    }
}
