package io.github.cameldeck.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Deck's answer to {@code GET /test}: the key works.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionCheck extends DeckObject {

    private String status;
    private String environment;
    private String requestId;

    /** {@code ready}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code live} (Deck has no sandbox). */
    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    @Override
    public String toString() {
        return "ConnectionCheck[" + status + ", " + environment + "]";
    }
}
