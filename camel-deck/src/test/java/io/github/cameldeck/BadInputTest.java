package io.github.cameldeck;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        for (String op : List.of("getTaskRun", "cancelTaskRun", "rerunTaskRun")) {
            assertThat(send("deck:" + op, Map.of("code", "1"), Map.of()))
                    .hasMessage(op + " needs the runId option or the CamelDeckRunId header");
        }
        assertThat(send("deck:submitInteraction", Map.of("code", "1"), Map.of()))
                .hasMessage("submitInteraction needs the runId option or the CamelDeckRunId header, or the "
                        + "credentialId or externalId (options or headers) of the credential whose waiting run it "
                        + "answers");
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

    /** Each resource operation's required id or field, named before any request: uri, body, the message expected. */
    static Stream<Arguments> resourceOperations() {
        String login = "{\"auth_credentials\": {\"username\": \"u\", \"password\": \"p\"}}";
        return Stream.of(
                Arguments.of("deck:createCredential", login, "createCredential needs source_id (or the sourceId option "
                        + "or the CamelDeckSourceId header) in the body"),
                Arguments.of("deck:createCredential?sourceId=src_1", "{\"auth_method\": \"username_password\", "
                        + "\"auth_credentials\": {\"username\": \"u\"}}",
                        "createCredential needs auth_credentials.password in the body"),
                Arguments.of("deck:createCredential?sourceId=src_1", "{}", "createCredential needs the credential"),
                Arguments.of("deck:createCredential?sourceId=src_1", "{\"external_id\": \"" + "x".repeat(256) + "\"}",
                        "external_id is 256 characters long; Deck accepts at most 255"),
                Arguments.of("deck:createCredential?sourceId=src_1", "{\"auth_credentials\": {\"username\": \"u\", "
                        + "\"password\": \"p\", \"source_fields\": {\"Pin\": \"1\"}}}",
                        "the source field name 'Pin' is not allowed"),
                Arguments.of("deck:updateCredential?credentialId=cred_1", "{}",
                        "updateCredential needs the fields to change"),
                Arguments.of("deck:updateCredential", "{\"external_id\": \"c\"}",
                        "updateCredential needs the credentialId option or the CamelDeckCredentialId header"),
                Arguments.of("deck:getCredential", null, "getCredential needs the credentialId option or the "
                        + "CamelDeckCredentialId header, or the externalId option or the CamelDeckExternalId header"),
                Arguments.of("deck:deleteCredential", null,
                        "deleteCredential needs the credentialId option or the CamelDeckCredentialId header"),
                Arguments.of("deck:createSource", "{\"name\": \"Bank\"}", "createSource needs website.url in the body"),
                Arguments.of("deck:getSource", null,
                        "getSource needs the sourceId option or the CamelDeckSourceId header"),
                Arguments.of("deck:deleteSource", null, "deleteSource needs the sourceId option"),
                Arguments.of("deck:createAgent", "{\"description\": \"d\"}", "createAgent needs name in the body"),
                Arguments.of("deck:getAgent", null, "getAgent needs the agentId option or the CamelDeckAgentId header"),
                Arguments.of("deck:updateAgent?agentId=agt_1", null, "updateAgent needs the fields to change"),
                Arguments.of("deck:deleteAgent", null, "deleteAgent needs the agentId option"),
                Arguments.of("deck:createTask", "{\"prompt\": \"p\"}", "createTask needs name, agent_id (or the "
                        + "agentId option or the CamelDeckAgentId header) in the body"),
                Arguments.of("deck:getTask", null, "getTask needs the taskId option or the CamelDeckTaskId header"),
                Arguments.of("deck:updateTask", "{\"name\": \"n\"}", "updateTask needs the taskId option"),
                Arguments.of("deck:deleteTask", null, "deleteTask needs the taskId option"),
                Arguments.of("deck:resetTask", null, "resetTask needs the taskId option"),
                Arguments.of("deck:getSession", null, "getSession needs the sessionId option or the CamelDeckSessionId "
                        + "header"),
                Arguments.of("deck:endSession", null, "endSession needs the sessionId option"),
                Arguments.of("deck:getEvent", null, "getEvent needs the eventId option or the CamelDeckEventId header"),
                Arguments.of("deck:createEventDestination", "{\"webhook\": {\"url\": \"https://x\"}}",
                        "createEventDestination needs name in the body"),
                Arguments.of("deck:createEventDestination", "{\"name\": \"n\"}",
                        "createEventDestination needs webhook.url in the body"),
                Arguments.of("deck:getEventDestination", null, "getEventDestination needs the destinationId option or "
                        + "the CamelDeckDestinationId header"),
                Arguments.of("deck:updateEventDestination?destinationId=evtd_1", "{}",
                        "updateEventDestination needs the fields to change"),
                Arguments.of("deck:deleteEventDestination", null,
                        "deleteEventDestination needs the destinationId option"),
                Arguments.of("deck:listEventDeliveries", null, "listEventDeliveries needs the destinationId option"),
                Arguments.of("deck:request", null, "request needs the path option or the CamelDeckPath header"),
                Arguments.of("deck:request?path=https://elsewhere.example.com/v2/test", null,
                        "request: the path must be a path below baseUrl"),
                Arguments.of("deck:request?path=/../v1/jobs", null, "request: the path must be a path below baseUrl"),
                Arguments.of("deck:request?method=POST&path=/agents", "[1]",
                        "request needs a JSON object as its body, but got a JSON array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceOperations")
    void resourceOperationsNameWhatIsMissing(String uri, String body, String message) {
        assertThat(send(uri, body, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("deck:runTasks"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageContaining("Unknown Deck operation 'runTasks'")
                .hasMessageContaining("runTask (producer), submitInteraction (producer), getTaskRun (producer), "
                        + "cancelTaskRun (producer), listTaskRuns (producer), rerunTaskRun (producer), listStorage (producer), "
                        + "getStorage (producer), "
                        + "downloadStorage (producer), listScreenshots (producer), downloadScreenshot (producer), "
                        + "createCredential (producer)")
                .hasMessageContaining("testConnection (producer), request (producer), "
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
        assertThatThrownBy(() -> startRoute("deck:listCredentials?status=verfied"))
                .rootCause()
                .hasMessageContaining("The status option of listCredentials has an unknown value 'verfied'; valid "
                        + "values are deleted, invalid, unverified, verified");
        assertThatThrownBy(() -> startRoute("deck:listTasks?status=test,live"))
                .rootCause()
                .hasMessageContaining("The status option of listTasks takes one value");
        assertThatThrownBy(() -> startRoute("deck:listEvents?createdAfter=yesterday"))
                .rootCause()
                .hasMessageContaining("The createdAfter option must be an ISO 8601 instant");
        assertThatThrownBy(() -> startRoute("deck:request?method=TRACE&path=/test"))
                .rootCause()
                .hasMessageContaining("request: the method 'TRACE' is not one of GET, POST, PUT, PATCH, DELETE");
        assertThatThrownBy(() -> startRoute("deck:runTask?taskId=t&rerunOn=deckErrors"))
                .rootCause()
                .hasMessageContaining("rerunOn=deckErrors needs waitForCompletion=true");
        assertThatThrownBy(() -> startRoute("deck:runTask?taskId=t&rerunOn=always&waitForCompletion=true"))
                .rootCause()
                .hasMessageContaining("The rerunOn option is never or deckErrors, not 'always'");
        assertThatThrownBy(() -> startRoute("deck:runTask?taskId=t&maxRunAttempts=0"))
                .rootCause()
                .hasMessageContaining("The maxRunAttempts option must be 1 or more, was 0");
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
