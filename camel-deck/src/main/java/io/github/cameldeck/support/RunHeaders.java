package io.github.cameldeck.support;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Message;

/**
 * The headers of every exchange that carries a run, whether a producer answered it or a consumer emitted it.
 */
public final class RunHeaders {

    private RunHeaders() {
    }

    public static void set(Message message, TaskRun run) {
        message.setHeader(DeckConstants.RUN_ID, run.getId());
        message.setHeader(DeckConstants.RUN_STATUS, run.getStatusValue());
        setOrRemove(message, DeckConstants.RUN_RESULT, run.getResult());
        setOrRemove(message, DeckConstants.TASK_ID, run.getTaskId());
        setOrRemove(message, DeckConstants.SESSION_ID, run.getSessionId());
        setRequestId(message, run.getRequestId());
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
