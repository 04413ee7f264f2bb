package io.github.cameldeck.simulator.core;

import java.util.Map;

/**
 * The {@code auth_credentials} of a credential as sent: username and password (null for {@code auth_method: none}) and
 * the source fields. The password only goes to the simulator's password store.
 */
public record AuthCredentials(String username, String password, Map<String, String> sourceFields) {

    public AuthCredentials {
        sourceFields = sourceFields == null ? Map.of() : Map.copyOf(sourceFields);
    }

    @Override
    public String toString() {
        return "AuthCredentials[username=" + username + ", password=***, sourceFields=" + sourceFields.keySet() + "]";
    }
}
