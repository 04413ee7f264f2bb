package io.github.cameldeck.support;

import java.util.List;
import java.util.Objects;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.Interaction;
import io.github.cameldeck.model.InteractionField;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.apache.camel.Message;

/**
 * The headers of every exchange that carries a run, whether a producer answered it or a consumer emitted it, with what
 * the run asks for when it waits for a person.
 */
public final class RunHeaders {

    private RunHeaders() {
    }

    /** What a run in review_required says it waits for: Deck documents no call to approve it. */
    public static final String REVIEW = "review";
    static final String REVIEW_MESSAGE = "The run waits for a review in the Deck Console before it completes.";

    public static void set(Message message, TaskRun run) {
        message.setHeader(DeckConstants.RUN_ID, run.getId());
        message.setHeader(DeckConstants.RUN_STATUS, run.getStatusValue());
        setOrRemove(message, DeckConstants.RUN_RESULT, run.getResult());
        setOrRemove(message, DeckConstants.TASK_ID, run.getTaskId());
        setOrRemove(message, DeckConstants.SESSION_ID, run.getSessionId());
        setRequestId(message, run.getRequestId());
        setInteraction(message, run);
    }

    /**
     * The interaction headers of a run waiting for a person: its interaction's type, message and field names; for a
     * run in review (review_required, or pending as older Deck revisions call it), type {@link #REVIEW}. Removed for any other run, and for a run whose interaction is not known (an
     * event's summary).
     */
    static void setInteraction(Message message, TaskRun run) {
        Interaction interaction = run.getStatus() == TaskRunStatus.INTERACTION_REQUIRED ? run.getInteraction() : null;
        if (interaction != null) {
            setOrRemove(message, DeckConstants.INTERACTION_TYPE, interaction.getType());
            setOrRemove(message, DeckConstants.INTERACTION_MESSAGE, interaction.getMessage());
            List<String> names = interaction.getFields().stream().map(InteractionField::getName)
                    .filter(Objects::nonNull).toList();
            setOrRemove(message, DeckConstants.INTERACTION_FIELDS, names.isEmpty() ? null : String.join(",", names));
        } else if (run.isWaitingForPerson() && run.getStatus() != TaskRunStatus.INTERACTION_REQUIRED) {
            message.setHeader(DeckConstants.INTERACTION_TYPE, REVIEW);
            message.setHeader(DeckConstants.INTERACTION_MESSAGE, REVIEW_MESSAGE);
            message.removeHeader(DeckConstants.INTERACTION_FIELDS);
        } else {
            message.removeHeader(DeckConstants.INTERACTION_TYPE);
            message.removeHeader(DeckConstants.INTERACTION_MESSAGE);
            message.removeHeader(DeckConstants.INTERACTION_FIELDS);
        }
    }

    /** Sets Deck's request_id of the answer, or removes a stale one when there is none. */
    public static void setRequestId(Message message, String requestId) {
        setOrRemove(message, DeckConstants.REQUEST_ID, requestId);
    }

    public static void setOrRemove(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }
}
