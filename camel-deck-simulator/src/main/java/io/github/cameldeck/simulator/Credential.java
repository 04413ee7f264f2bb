package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * A credential as stored in the simulator. The password is kept elsewhere and never exposed; {@code status} is
 * {@code unverified}, {@code verified}, {@code invalid} or {@code deleted}.
 */
public record Credential(String id, String sourceId, String authMethod, String username,
        Map<String, String> sourceFields, String externalId, String status, Instant createdAt, Instant updatedAt) {

    public static final String DELETED = "deleted";

    public Credential {
        sourceFields = sourceFields == null ? Map.of() : Map.copyOf(sourceFields);
    }

    public Credential withStatus(String newStatus, Instant at) {
        return new Credential(id, sourceId, authMethod, username, sourceFields, externalId, newStatus, createdAt, at);
    }

    public Credential withAuth(String newUsername, Map<String, String> newSourceFields, Instant at) {
        return new Credential(id, sourceId, authMethod, newUsername, newSourceFields, externalId, status, createdAt,
                at);
    }

    public Credential withExternalId(String newExternalId, Instant at) {
        return new Credential(id, sourceId, authMethod, username, sourceFields, newExternalId, status, createdAt, at);
    }

    public boolean isDeleted() {
        return DELETED.equals(status);
    }
}
