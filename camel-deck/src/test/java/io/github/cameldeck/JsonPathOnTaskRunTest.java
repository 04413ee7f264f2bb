package io.github.cameldeck;

import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** jsonpath reads a TaskRun body through the type converters, as it reads JSON. */
class JsonPathOnTaskRunTest extends DeckTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("deck:runTask")
                        .setHeader("status", jsonpath("$.status"))
                        .setHeader("task", jsonpath("$.task_id"))
                        .marshal().json()
                        .convertBodyTo(String.class);
            }
        };
    }

    @Test
    void jsonpathAndMarshalReadTheRun() {
        Task task = quickTask();

        Exchange out = template.request("direct:run", e -> e.getIn().setHeader(DeckConstants.TASK_ID, task.id()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("status")).isEqualTo("queued");
        assertThat(out.getMessage().getHeader("task")).isEqualTo(task.id());
        assertThat(out.getMessage().getBody(String.class)).contains("\"task_id\":\"" + task.id() + "\"");
    }
}
