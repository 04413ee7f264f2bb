package io.github.cameldeck;

import java.util.List;

/**
 * An {@code externalId} that does not name exactly one credential: none has it (deleted ones are not counted), or
 * several do (a customer with logins at several sources: give the sourceId too, or the credentialId).
 */
public class DeckExternalIdException extends RuntimeException {

    /** Why the external id named no single credential. */
    public enum Reason {
        NO_CREDENTIAL, SEVERAL_CREDENTIALS
    }

    private final Reason reason;
    private final String externalId;
    private final List<String> credentialIds;

    public DeckExternalIdException(String externalId, String sourceId, List<String> credentialIds, boolean more) {
        super(message(externalId, sourceId, credentialIds, more));
        this.reason = credentialIds.isEmpty() ? Reason.NO_CREDENTIAL : Reason.SEVERAL_CREDENTIALS;
        this.externalId = externalId;
        this.credentialIds = List.copyOf(credentialIds);
    }

    private static String message(String externalId, String sourceId, List<String> ids, boolean more) {
        String where = sourceId != null ? " at source " + sourceId : "";
        if (ids.isEmpty()) {
            return "No credential has the external_id '" + externalId + "'" + where
                    + " (deleted credentials are not counted)";
        }
        return (more ? "More than " + ids.size() : String.valueOf(ids.size())) + " credentials have the external_id '"
                + externalId + "'" + where + ": " + String.join(", ", ids) + (more ? ", ..." : "")
                + "; give the sourceId as well, or the credentialId";
    }

    public Reason getReason() {
        return reason;
    }

    public String getExternalId() {
        return externalId;
    }

    /** The credentials that have it (the first page of them when there are many); empty for {@link Reason#NO_CREDENTIAL}. */
    public List<String> getCredentialIds() {
        return credentialIds;
    }
}
