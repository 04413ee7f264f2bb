package io.github.cameldeck.simulator.core;

import java.util.Map;

import io.github.cameldeck.simulator.Credential;

/**
 * Changing and deleting credentials. New {@code auth_credentials} revert a {@code verified} or {@code invalid}
 * credential to {@code unverified} ({@code credential.unverified}); other changes record no event (Deck has no
 * {@code credential.updated}). A deleted credential keeps its id, source, auth method, username and external id, loses
 * its password and source fields, and refuses changes and new runs.
 */
public final class CredentialChanges {

    private final SimulatorEngine engine;

    public CredentialChanges(SimulatorEngine engine) {
        this.engine = engine;
    }

    /** Applies a partial update. @throws ApiException 400 {@code credential_deleted} for a deleted credential */
    public Credential update(String id, CredentialPatch patch) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Credential credential = CatalogService.requireCredential(state, id);
            if (credential.isDeleted()) {
                throw ApiException.credentialDeleted(id, null);
            }
            Credential changed = credential.withExternalId(patch.externalId().or(credential.externalId()), now);
            AuthCredentials auth = patch.authCredentials();
            boolean reverted = false;
            if (auth != null) {
                changed = changed.withAuth(auth.username(), auth.sourceFields(), now);
                if (auth.password() != null) {
                    state.passwords.put(id, auth.password());
                }
                reverted = !changed.status().equals("unverified");
                if (reverted) {
                    changed = changed.withStatus("unverified", now);
                }
            }
            state.credentials.replace(changed);
            if (reverted) {
                CatalogEvents.credential(state, "credential.unverified", changed, now);
            }
            return changed;
        });
    }

    /**
     * Moves the credential to {@code deleted}, purges its secrets and records {@code credential.deleted}; deleting it
     * again returns it unchanged.
     */
    public Credential delete(String id) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Credential credential = CatalogService.requireCredential(state, id);
            if (credential.isDeleted()) {
                return credential;
            }
            Credential deleted = credential.withAuth(credential.username(), Map.of(), now)
                    .withStatus(Credential.DELETED, now);
            state.passwords.remove(id);
            state.credentials.replace(deleted);
            CatalogEvents.credential(state, "credential.deleted", deleted, now);
            return deleted;
        });
    }
}
