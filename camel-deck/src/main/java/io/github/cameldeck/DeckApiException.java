package io.github.cameldeck;

import java.util.List;

import io.github.cameldeck.model.DeckError;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A call to Deck failed: Deck answered with an error (the HTTP status, every error of the envelope and the request_id
 * are kept), answered with something that is not a Deck response, or could not be reached at all (status 0). The
 * message never contains the API key.
 */
public class DeckApiException extends RuntimeException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int httpResponseCode;
    private String httpResponseStatus;
    private final List<DeckError> errors;
    private final String requestId;

    public DeckApiException(String message, int httpResponseCode, List<DeckError> errors, String requestId,
            Throwable cause) {
        super(message, cause);
        this.httpResponseCode = httpResponseCode;
        this.httpResponseStatus = httpResponseCode > 0 ? String.valueOf(httpResponseCode) : null;
        this.errors = errors != null ? List.copyOf(errors) : List.of();
        this.requestId = requestId;
    }

    /** Every error Deck reported, in order; empty when the answer was not a Deck error envelope. */
    public List<DeckError> getErrors() {
        return errors;
    }

    /** The first error's code (e.g. {@code task_not_found}), or null. */
    public String getErrorCode() {
        return errors.isEmpty() ? null : errors.get(0).getCode();
    }

    /** The first error's type (e.g. {@code request}), or null. */
    public String getErrorType() {
        return errors.isEmpty() ? null : errors.get(0).getType();
    }

    /** Deck's request_id, to quote to Deck support; null when Deck did not answer. */
    public String getRequestId() {
        return requestId;
    }

    /** The HTTP status Deck answered with; 0 when no answer came (network error). */
    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
