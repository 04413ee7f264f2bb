package io.github.cameldeck;

import java.util.List;
import java.util.Map;

import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every bad input is refused before a request is sent, with a message that names what is wrong. */
class BadInputTest extends DeckTestSupport {

    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("boom");
        }
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(sim().stats().totalRequests()).as("requests sent to Deck").isZero();
    }

    private Exception send(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().getHeaders().putAll(headers);
        });
        assertThat(out.getException()).as("an exception for " + uri).isNotNull();
        return out.getException();
    }

    @Test
    void runTaskWithoutATaskId() {
        assertThat(send("deck:runTask", Map.of("a", 1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runTask needs the taskId option or the CamelDeckTaskId header");
    }

    @Test
    void operationsWithoutARunId() {
        for (String op : List.of("submitInteraction", "getTaskRun", "cancelTaskRun")) {
            assertThat(send("deck:" + op, Map.of("code", "1"), Map.of()))
                    .hasMessage(op + " needs the runId option or the CamelDeckRunId header");
        }
    }

    @Test
    void submitInteractionWithoutValues() {
        assertThat(send("deck:submitInteraction?runId=trun_1", null, Map.of()))
                .hasMessageContaining("submitInteraction needs the values of the interaction's fields in the body");
        assertThat(send("deck:submitInteraction?runId=trun_1", "{}", Map.of()))
                .hasMessageContaining("an empty object");
    }

    @Test
    void bodiesThatAreNotAJsonObject() {
        Task task = quickTask();
        String uri = "deck:runTask?taskId=" + task.id();
        assertThat(send(uri, "{\"unclosed\": ", Map.of())).hasMessageContaining("runTask: the body is not valid JSON");
        assertThat(send(uri, "[1, 2]", Map.of()))
                .hasMessageContaining("runTask needs a JSON object as its body, but got a JSON array");
        assertThat(send(uri, new Unwritable(), Map.of()))
                .hasMessageContaining("cannot be written as JSON")
                .hasMessageContaining(Unwritable.class.getName());
        assertThat(send(uri, 42, Map.of())).hasMessageContaining("but the body is a java.lang.Integer");
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("deck:runTasks"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageContaining("Unknown Deck operation 'runTasks'")
                .hasMessageContaining("runTask (producer), submitInteraction (producer), getTaskRun (producer), "
                        + "cancelTaskRun (producer), listTaskRuns (producer), listStorage (producer), getStorage (producer), "
                        + "downloadStorage (producer), listScreenshots (producer), downloadScreenshot (producer), "
                        + "taskRuns (consumer), storageItems (consumer), events (consumer)");

        assertThat(send("deck:getTaskRun?runId=trun_1", null, Map.of(DeckConstants.OPERATION, "deleteEverything")))
                .hasMessageContaining("Unknown Deck operation 'deleteEverything'")
                .hasMessageContaining("listTaskRuns (producer)");
    }

    @Test
    void theConsumerOperationCannotSend() {
        assertThatThrownBy(() -> template.sendBody("deck:taskRuns", null))
                .rootCause()
                .hasMessageContaining("deck:taskRuns is a consumer operation");
    }

    @Test
    void anIdempotencyKeyLongerThanDeckAccepts() {
        Task task = quickTask();
        assertThat(
                send("deck:runTask?taskId=" + task.id(), null, Map.of(DeckConstants.IDEMPOTENCY_KEY, "k".repeat(257))))
                .hasMessageContaining("257 characters long")
                .hasMessageContaining("idempotencyKey");
    }

    @Test
    void invalidOptionsFailTheEndpoint() {
        assertThatThrownBy(() -> startRoute("deck:listTaskRuns?status=complete"))
                .rootCause()
                .hasMessageContaining("The status option: Unknown task run status 'complete'");
        assertThatThrownBy(() -> startRoute("deck:listTaskRuns?pageSize=0"))
                .rootCause()
                .hasMessageContaining("The pageSize option must be between 1 and 100, was 0");
        assertThatThrownBy(() -> startRoute("deck:listTaskRuns?outcome=won"))
                .rootCause()
                .hasMessageContaining("The outcome option has an unknown value 'won'");
        assertThatThrownBy(() -> startRoute("deck:getTaskRun?include=video"))
                .rootCause()
                .hasMessageContaining("The include option has an unknown section 'video'");
        assertThatThrownBy(() -> startRoute("deck:getTaskRun?maxRetries=-1"))
                .rootCause()
                .hasMessageContaining("maxRetries must be 0 or more");
    }

    @Test
    void aPlainHttpBaseUrlIsRefusedUnlessLoopbackOrAllowed() throws Exception {
        assertThatThrownBy(() -> startRoute("deck:getTaskRun?baseUrl=http://api.deck.example/v2"))
                .rootCause()
                .hasMessageContaining("The baseUrl option must use https")
                .hasMessageContaining("api.deck.example")
                .hasMessageContaining("allowInsecure=true");
        assertThatThrownBy(() -> startRoute("deck:getTaskRun?baseUrl=ftp://api.deck.example/v2"))
                .rootCause()
                .hasMessageContaining("must be an http(s) URL");
        startRoute("deck:getTaskRun?baseUrl=http://api.deck.example/v2&allowInsecure=true");
        startRoute("deck:getTaskRun?baseUrl=https://api.deck.example/v2");
        for (String loopback : List.of("localhost:8787", "127.0.0.1:8787", "[::1]:8787")) {
            startRoute("deck:getTaskRun?baseUrl=http://" + loopback + "/v2");
        }
    }

    @Test
    void aMissingApiKeyFailsTheRouteAtStart() {
        assumeTrue(System.getenv("DECK_API_KEY") == null, "DECK_API_KEY is set in this environment");
        CamelContext other = new DefaultCamelContext();
        try {
            other.getComponent("deck", DeckComponent.class).getConfiguration().setBaseUrl(deck.baseUrl());
            assertThatThrownBy(() -> {
                other.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:x").to("deck:runTask?taskId=task_1");
                    }
                });
                other.start();
            }).rootCause()
                    .hasMessage("No Deck API key: set the apiKey option (on the endpoint or the deck component), "
                            + "or the DECK_API_KEY environment variable");
        } finally {
            other.stop();
        }
    }

    private void startRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + Math.abs(uri.hashCode())).to(uri);
            }
        });
    }
}
