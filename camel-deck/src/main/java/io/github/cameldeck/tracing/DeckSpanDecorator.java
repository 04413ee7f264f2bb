package io.github.cameldeck.tracing;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * What camel-telemetry puts on the span of a call to a deck endpoint, besides the attributes every endpoint's span
 * gets: the operation and task before the call; Deck's run id, run status and request id after it, from the headers the
 * producer set. A runTask span is also named as an invocation of a GenAI agent after OpenTelemetry's semantic
 * conventions ({@code gen_ai.operation.name} = {@code invoke_agent}, {@code gen_ai.provider.name} = {@code deck},
 * {@code gen_ai.agent.id} from the run's agent). A failed call's span gets {@code error.type}: Deck's error code, or
 * the exception's class name, and Deck's request id from the error. Found by camel-telemetry through {@code META-INF/services}; loaded only when
 * camel-telemetry is on the classpath.
 */
public class DeckSpanDecorator extends AbstractSpanDecorator {

    /** The deck operation of the call: {@code runTask}. */
    public static final String OPERATION = "deck.operation";
    public static final String TASK_ID = "deck.task.id";
    public static final String RUN_ID = "deck.run.id";
    public static final String RUN_STATUS = "deck.run.status";
    /** Deck's request id of the answer, the one to quote to Deck's support. */
    public static final String REQUEST_ID = "deck.request.id";
    public static final String GEN_AI_OPERATION = "gen_ai.operation.name";
    public static final String GEN_AI_PROVIDER = "gen_ai.provider.name";
    public static final String GEN_AI_AGENT_ID = "gen_ai.agent.id";
    public static final String ERROR_TYPE = "error.type";

    static final String INVOKE_AGENT = "invoke_agent";
    static final String PROVIDER = "deck";

    @Override
    public String getComponent() {
        return "deck";
    }

    @Override
    public String getComponentClassName() {
        return DeckComponent.class.getName();
    }

    /** The span's name: {@code deck runTask}. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        String operation = operation(exchange, endpoint);
        return operation != null ? "deck " + operation : super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        String operation = operation(exchange, endpoint);
        setIfPresent(span, OPERATION, operation);
        String taskId = exchange.getMessage().getHeader(DeckConstants.TASK_ID, String.class);
        if (taskId == null && endpoint instanceof DeckEndpoint deck) {
            taskId = deck.getConfiguration().getTaskId();
        }
        setIfPresent(span, TASK_ID, taskId);
        if (DeckOperation.runTask.name().equals(operation)) {
            span.setTag(GEN_AI_OPERATION, INVOKE_AGENT);
            span.setTag(GEN_AI_PROVIDER, PROVIDER);
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        Message message = exchange.getMessage();
        setIfPresent(span, RUN_ID, message.getHeader(DeckConstants.RUN_ID, String.class));
        setIfPresent(span, RUN_STATUS, message.getHeader(DeckConstants.RUN_STATUS, String.class));
        setIfPresent(span, REQUEST_ID, message.getHeader(DeckConstants.REQUEST_ID, String.class));
        setIfPresent(span, TASK_ID, message.getHeader(DeckConstants.TASK_ID, String.class));
        if (message.getBody() instanceof TaskRun run) {
            setIfPresent(span, GEN_AI_AGENT_ID, run.getAgentId());
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            DeckApiException deck = failure instanceof DeckApiException e ? e : null;
            String code = deck != null ? deck.getErrorCode() : null;
            span.setTag(ERROR_TYPE, code != null ? code : failure.getClass().getName());
            if (deck != null && message.getHeader(DeckConstants.REQUEST_ID) == null) {
                setIfPresent(span, REQUEST_ID, deck.getRequestId());
            }
        }
    }

    /** The operation of the CamelDeckOperation header, else the endpoint's. */
    private static String operation(Exchange exchange, Endpoint endpoint) {
        Object header = exchange.getMessage().getHeader(DeckConstants.OPERATION);
        if (header != null) {
            return header.toString();
        }
        if (endpoint instanceof DeckEndpoint deck && deck.getOperation() != null) {
            return deck.getOperation().name();
        }
        return null;
    }

    private static void setIfPresent(Span span, String name, String value) {
        if (value != null && !value.isBlank()) {
            span.setTag(name, value);
        }
    }
}
