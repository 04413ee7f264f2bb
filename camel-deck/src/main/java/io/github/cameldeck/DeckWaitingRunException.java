package io.github.cameldeck;

import java.util.List;

/**
 * submitInteraction by credential (credentialId or externalId) found no run of that credential waiting for input, or
 * several: the answer is not sent, since it could reach the wrong run.
 */
public class DeckWaitingRunException extends RuntimeException {

    /** Why the answer had no single run to go to. */
    public enum Reason {
        NO_WAITING_RUN, SEVERAL_WAITING_RUNS
    }

    private final Reason reason;
    private final String credentialId;
    private final List<String> runIds;

    public DeckWaitingRunException(String credentialId, String externalId, List<String> runIds) {
        super(message(credentialId, externalId, runIds));
        this.reason = runIds.isEmpty() ? Reason.NO_WAITING_RUN : Reason.SEVERAL_WAITING_RUNS;
        this.credentialId = credentialId;
        this.runIds = List.copyOf(runIds);
    }

    private static String message(String credentialId, String externalId, List<String> runIds) {
        String whose = "credential " + credentialId + (externalId != null ? " (external_id '" + externalId + "')" : "");
        if (runIds.isEmpty()) {
            return "No run of " + whose + " waits for input (interaction_required); the answer was not sent";
        }
        return runIds.size() + " runs of " + whose + " wait for input: " + String.join(", ", runIds)
                + "; the answer was not sent: give the runId (CamelDeckRunId) of the one it answers";
    }

    public Reason getReason() {
        return reason;
    }

    public String getCredentialId() {
        return credentialId;
    }

    /** The runs that wait (the first page of them when there are many); empty for {@link Reason#NO_WAITING_RUN}. */
    public List<String> getRunIds() {
        return runIds;
    }
}
