package io.github.cameldeck.events;

import java.util.Map;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Message;

/**
 * The message of an emitted event: the {@link DeckEvent} as body, the event headers, the header of the object it is
 * about ({@code CamelDeckCredentialId} for a {@code credential.*} event, ...), the run headers for a {@code task_run.*}
 * event, and the external id of the credential concerned.
 */
final class EventMessages {

    private EventMessages() {
    }

    /** The header that names the object of an event about each kind of resource. */
    private static final Map<String, String> ID_HEADERS = Map.of("credential", DeckConstants.CREDENTIAL_ID, "task",
            DeckConstants.TASK_ID, "agent", DeckConstants.AGENT_ID, "source", DeckConstants.SOURCE_ID, "session",
            DeckConstants.SESSION_ID, "storage", DeckConstants.STORAGE_ID, "event_destination",
            DeckConstants.DESTINATION_ID);

    /**
     * @param run        the event's run (its summary, or the full run with fetchRun); null for other events
     * @param externalId the external id of the credential the event is about (its own or its run's), or null
     * @param source     {@code webhook} or {@code catchUp}
     */
    static void fill(Message message, DeckEvent event, TaskRun run, String externalId, String source) {
        message.setBody(event);
        if (run != null && run.getId() != null) {
            RunHeaders.set(message, run);
        }
        String idHeader = ID_HEADERS.get(event.getResourceType());
        if (idHeader != null && event.dataText("id") != null) {
            message.setHeader(idHeader, event.dataText("id"));
        }
        if (externalId != null) {
            message.setHeader(DeckConstants.EXTERNAL_ID, externalId);
        }
        message.setHeader(DeckConstants.EVENT_ID, event.getId());
        message.setHeader(DeckConstants.EVENT_TYPE, event.getType());
        if (event.getCreatedAt() != null) {
            message.setHeader(DeckConstants.EVENT_CREATED_AT, event.getCreatedAt());
        }
        message.setHeader(DeckConstants.EVENT_SOURCE, source);
    }

    /** The credential an event is about: a credential event's own, or its run's; null when none. */
    static String credentialIdOf(DeckEvent event, TaskRun run) {
        if ("credential".equals(event.getResourceType())) {
            return event.dataText("id");
        }
        return run != null && run.getCredentialId() != null && !run.getCredentialId().isEmpty()
                ? run.getCredentialId()
                : null;
    }
}
