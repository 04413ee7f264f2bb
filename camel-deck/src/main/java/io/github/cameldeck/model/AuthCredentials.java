package io.github.cameldeck.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The login of a credential. Sent to Deck when a credential is created or updated; Deck returns only
 * the non-secret part (the username, non-secret source fields). {@link #toString()} shows the username only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthCredentials extends DeckObject {

    private String username;
    private String password;
    private Map<String, String> sourceFields;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** Write-only: Deck never returns it. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Extra login fields the source asks for (at most 10). */
    public Map<String, String> getSourceFields() {
        return sourceFields;
    }

    public void setSourceFields(Map<String, String> sourceFields) {
        this.sourceFields = sourceFields;
    }

    @Override
    public String toString() {
        return "AuthCredentials[username=" + username + (password != null ? ", password=***" : "")
                + (sourceFields != null && !sourceFields.isEmpty()
                        ? ", source_fields=" + sourceFields.keySet()
                        : "")
                + "]";
    }
}
