package io.github.cameldeck.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's login at a source. Deck never returns a password; {@link #toString()} shows no part of
 * {@code auth_credentials}, so a credential can be logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Credential extends DeckResource {

    private String status;
    private String externalId;
    private String sourceId;
    private String authMethod;
    private AuthCredentials authCredentials;

    /** {@code unverified}, {@code verified}, {@code invalid} or {@code deleted}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** The application's own id of the customer (at most 255 characters), or null. */
    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    /** {@code username_password} or {@code none}. */
    public String getAuthMethod() {
        return authMethod;
    }

    public void setAuthMethod(String authMethod) {
        this.authMethod = authMethod;
    }

    /** What Deck returns of the login: a non-secret summary (the username, non-secret source fields). */
    public AuthCredentials getAuthCredentials() {
        return authCredentials;
    }

    public void setAuthCredentials(AuthCredentials authCredentials) {
        this.authCredentials = authCredentials;
    }

    @Override
    public String toString() {
        return "Credential[" + getId() + ", " + status + ", source " + sourceId
                + (externalId != null ? ", external_id " + externalId : "") + "]";
    }
}
