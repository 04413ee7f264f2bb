package io.github.cameldeck.events;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Message;

/**
 * The message of an emitted event: the {@link DeckEvent} as body, the event headers, and the run headers for a
 * {@code task_run.*} event.
 */
final class EventMessages {

    private EventMessages() {
    }

    /**
     * @param run    the event's run (its summary, or the full run with fetchRun); null for other events
     * @param source {@code webhook} or {@code catchUp}
     */
    static void fill(Message message, DeckEvent event, TaskRun run, String source) {
        message.setBody(event);
        if (run != null && run.getId() != null) {
            RunHeaders.set(message, run);
        }
        message.setHeader(DeckConstants.EVENT_ID, event.getId());
        message.setHeader(DeckConstants.EVENT_TYPE, event.getType());
        if (event.getCreatedAt() != null) {
            message.setHeader(DeckConstants.EVENT_CREATED_AT, event.getCreatedAt());
        }
        message.setHeader(DeckConstants.EVENT_SOURCE, source);
    }
}
