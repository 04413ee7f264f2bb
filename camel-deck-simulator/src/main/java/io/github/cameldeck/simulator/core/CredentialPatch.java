package io.github.cameldeck.simulator.core;

/**
 * The fields a {@code PATCH /credentials/{id}} may change: new {@code auth_credentials} (null = keep them; when given
 * they replace the old ones as a whole) and {@code external_id} (null value clears it).
 */
public record CredentialPatch(AuthCredentials authCredentials, Change<String> externalId) {
}
