package io.github.cameldeck.simulator.http;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.AuthCredentials;

/** Deck's rules for {@code auth_credentials} and {@code external_id}, the same when creating and updating. */
final class CredentialBodies {

    static final int MAX_EXTERNAL_ID_LENGTH = 255;
    private static final int MAX_SOURCE_FIELDS = 10;
    private static final Pattern SOURCE_FIELD = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    private CredentialBodies() {
    }

    /**
     * The body's {@code auth_credentials} for a credential of {@code authMethod}: {@code username_password} needs a
     * username and a password; {@code source_fields} has at most 10 entries with names matching
     * {@code ^[a-z][a-z0-9_]{0,63}$} other than {@code username} and {@code password}.
     */
    static AuthCredentials authCredentials(JsonNode body, String authMethod) {
        Bodies.optionalObject(body, "auth_credentials");
        String username = null;
        String password = null;
        if (authMethod.equals("username_password")) {
            username = Bodies.requiredText(body, "auth_credentials.username");
            password = Bodies.requiredText(body, "auth_credentials.password");
        }
        Map<String, String> sourceFields = Bodies.optionalStringMap(body, "auth_credentials.source_fields");
        if (sourceFields.size() > MAX_SOURCE_FIELDS) {
            throw ApiException.inputInvalid("auth_credentials.source_fields",
                    "`auth_credentials.source_fields` may have at most " + MAX_SOURCE_FIELDS + " entries.");
        }
        for (String key : sourceFields.keySet()) {
            if (!SOURCE_FIELD.matcher(key).matches() || key.equals("username") || key.equals("password")) {
                throw ApiException.inputInvalid("auth_credentials.source_fields." + key,
                        "Source field names must match ^[a-z][a-z0-9_]{0,63}$ and not be username or password.");
            }
        }
        return new AuthCredentials(username, password, sourceFields);
    }

    /** The external id (null if absent or null); at most 255 characters. */
    static String externalId(String externalId) {
        if (externalId != null && externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw ApiException.inputInvalid("external_id",
                    "`external_id` must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters.");
        }
        return externalId;
    }
}
