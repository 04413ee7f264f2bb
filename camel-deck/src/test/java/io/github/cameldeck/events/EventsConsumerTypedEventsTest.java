package io.github.cameldeck.events;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deck:events hands each event's object over typed, with its id header and the external id of the credential concerned:
 * a customer's first successful login (credential.verified) and the run that made it.
 */
class EventsConsumerTypedEventsTest extends EventsConsumerTestSupport {

    @Test
    void credentialAndRunEventsAreTypedAndSayWhichCustomer() throws Exception {
        String credentialId = template.requestBody("deck:createCredential", Map.of("source_id", source.id(),
                "external_id", "cust-typed", "auth_credentials", Map.of("username", "dora", "password", "pw")),
                Credential.class).getId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&catchUpInterval=200"
                        + "&types=credential.verified,task_run.completed")
                        .to("mock:events");
            }
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        String runId = sim().startRun(quickTask().id(), Map.of(), credentialId).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));

        events.assertIsSatisfied(10_000);
        Exchange verified = events.getExchanges().stream()
                .filter(e -> "credential.verified".equals(e.getIn().getHeader(DeckConstants.EVENT_TYPE)))
                .findFirst().orElseThrow();
        Exchange completed = events.getExchanges().stream()
                .filter(e -> "task_run.completed".equals(e.getIn().getHeader(DeckConstants.EVENT_TYPE)))
                .findFirst().orElseThrow();
        DeckEvent event = verified.getIn().getBody(DeckEvent.class);
        assertThat(event.getResource()).isInstanceOfSatisfying(Credential.class, c -> {
            assertThat(c.getId()).isEqualTo(credentialId);
            assertThat(c.getStatus()).isEqualTo("verified");
        });
        assertThat(verified.getIn().getBody(Credential.class).getStatus()).as("converted").isEqualTo("verified");
        assertThat(verified.getIn().getHeader(DeckConstants.CREDENTIAL_ID)).isEqualTo(credentialId);
        assertThat(verified.getIn().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-typed");
        assertThat(completed.getIn().getBody(DeckEvent.class).getResource()).isInstanceOf(TaskRun.class);
        assertThat(completed.getIn().getHeader(DeckConstants.RUN_ID)).isEqualTo(runId);
        assertThat(completed.getIn().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-typed");
    }
}
