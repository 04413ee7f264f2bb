package io.github.cameldeck.tracing;

import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.telemetrydev.TelemetryDevTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The span attributes DeckSpanDecorator adds, read from camel-telemetry-dev's traces: a route that runs a task to its
 * end and reads the run again, and a call that fails.
 */
class DeckSpanDecoratorTest extends DeckTestSupport {

    private TraceLog traces;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        traces = TraceLog.attach();
        CamelContext context = super.createCamelContext();
        TelemetryDevTracer tracer = new TelemetryDevTracer();
        tracer.setTraceFormat("json");
        CamelContextAware.trySetCamelContext(tracer, context);
        tracer.init(context);
        return context;
    }

    @AfterEach
    void detachTraceLog() {
        traces.detach();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .toD("deck:runTask?waitForCompletion=true&taskId=${header.task}")
                        .to("deck:getTaskRun?apiKey=RAW(" + sim().apiKey() + ")");
                from("direct:missing").to("deck:getTaskRun?runId=run_missing");
            }
        };
    }

    @Test
    void namesTheRunTaskRequestAndAgentOnTheSpans() throws Exception {
        Task task = quickTask();

        Exchange out = template.request("direct:run", e -> e.getIn().setHeader("task", task.id()));

        assertThat(out.getException()).isNull();
        String runId = out.getMessage().getHeader(DeckConstants.RUN_ID, String.class);
        Map<String, String> runTask = span("runTask");
        assertThat(runTask).containsEntry(DeckSpanDecorator.OPERATION, "runTask")
                .containsEntry(DeckSpanDecorator.TASK_ID, task.id())
                .containsEntry(DeckSpanDecorator.RUN_ID, runId)
                .containsEntry(DeckSpanDecorator.RUN_STATUS, "completed")
                .containsEntry(DeckSpanDecorator.GEN_AI_OPERATION, "invoke_agent")
                .containsEntry(DeckSpanDecorator.GEN_AI_PROVIDER, "deck")
                .containsEntry(DeckSpanDecorator.GEN_AI_AGENT_ID, agent.id())
                .containsKey(DeckSpanDecorator.REQUEST_ID)
                .containsEntry("component", "camel-deck");
        Map<String, String> getTaskRun = span("getTaskRun");
        assertThat(getTaskRun).containsEntry(DeckSpanDecorator.OPERATION, "getTaskRun")
                .containsEntry(DeckSpanDecorator.RUN_ID, runId)
                .containsEntry(DeckSpanDecorator.RUN_STATUS, "completed")
                .containsEntry(DeckSpanDecorator.TASK_ID, task.id())
                .doesNotContainKey(DeckSpanDecorator.GEN_AI_OPERATION)
                .containsKey(DeckSpanDecorator.REQUEST_ID);
        assertThat(traces.spans().values()).allSatisfy(span -> assertThat(span.values())
                .noneMatch(value -> value.contains(sim().apiKey())));
    }

    @Test
    void putsDecksErrorCodeOnTheSpanOfAFailedCall() throws Exception {
        Exchange out = template.request("direct:missing", e -> {
        });

        assertThat(out.getException()).isNotNull();
        Map<String, String> getTaskRun = span("getTaskRun");
        assertThat(getTaskRun).containsEntry(DeckSpanDecorator.OPERATION, "getTaskRun")
                .containsEntry(DeckSpanDecorator.ERROR_TYPE, "task_run_not_found")
                .containsEntry("error", "true")
                .containsKey(DeckSpanDecorator.REQUEST_ID);
    }

    /** The one span of a call to this deck operation (camel-telemetry-dev does not keep the spans' names). */
    private Map<String, String> span(String operation) throws Exception {
        List<Map<String, String>> spans = traces.spans().values().stream()
                .filter(span -> operation.equals(span.get(DeckSpanDecorator.OPERATION))).toList();
        assertThat(spans).as("spans of %s in %s", operation, traces.spans()).hasSize(1);
        return spans.get(0);
    }
}
