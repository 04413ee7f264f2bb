package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckExternalIdException;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customers by their own id: runTask, listTaskRuns and the taskRuns consumer resolve it; run exchanges carry it. */
class ExternalIdTest extends DeckTestSupport {

    private String customer(String externalId) {
        return template.requestBody("deck:createCredential", Map.of("source_id", source.id(), "external_id",
                externalId, "auth_credentials", Map.of("username", externalId, "password", "pw-" + externalId)),
                Credential.class).getId();
    }

    @Test
    void runTaskRunsWithTheCustomersCredentialAndSaysWhoseRunItIs() {
        String credentialId = customer("cust-run");
        String taskId = quickTask().id();
        long lookupsBefore = sim().stats().requests("GET /v2/credentials");

        Exchange first = template.request("deck:runTask?taskId=" + taskId, e -> e.getIn()
                .setHeader(DeckConstants.EXTERNAL_ID, "cust-run"));
        Exchange second = template.request("deck:runTask?externalId=cust-run&taskId=" + taskId, e -> {
        });

        assertThat(first.getException()).isNull();
        TaskRun run = first.getMessage().getBody(TaskRun.class);
        assertThat(run.getCredentialId()).isEqualTo(credentialId);
        assertThat(first.getMessage().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-run");
        assertThat(second.getMessage().getBody(TaskRun.class).getCredentialId()).isEqualTo(credentialId);
        assertThat(sim().stats().requests("GET /v2/credentials") - lookupsBefore).as("one lookup, then cached")
                .isEqualTo(1);
    }

    @Test
    void anUnknownCustomerIsNamedAndNoRunStarts() {
        long runsBefore = sim().stats().requests("POST /v2/tasks/{id}/run");

        Exchange out = template.request("deck:runTask?externalId=cust-unknown&taskId=" + quickTask().id(), e -> {
        });

        assertThat(out.getException()).isInstanceOfSatisfying(DeckExternalIdException.class,
                e -> assertThat(e.getReason()).isEqualTo(DeckExternalIdException.Reason.NO_CREDENTIAL));
        assertThat(sim().stats().requests("POST /v2/tasks/{id}/run")).isEqualTo(runsBefore);
    }

    @Test
    void getTaskRunSetsTheExternalIdOfTheRunsCredential() {
        String credentialId = customer("cust-get");
        String runId = sim().startRun(quickTask().id(), Map.of(), credentialId).id();
        String plainRun = sim().startRun(quickTask().id(), Map.of()).id();

        Exchange withCustomer = template.request("deck:getTaskRun?runId=" + runId, e -> {
        });
        Exchange without = template.request("deck:getTaskRun?runId=" + plainRun, e -> e.getIn()
                .setHeader(DeckConstants.EXTERNAL_ID, "stale"));

        assertThat(withCustomer.getMessage().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-get");
        assertThat(without.getMessage().getHeaders()).doesNotContainKey(DeckConstants.EXTERNAL_ID);
    }

    @Test
    void listTaskRunsListsOneCustomersRuns() {
        String credentialId = customer("cust-list");
        String taskId = quickTask().id();
        String theirs = sim().startRun(taskId, Map.of(), credentialId).id();
        sim().startRun(taskId, Map.of());

        List<?> runs = template.requestBody("deck:listTaskRuns?externalId=cust-list", null, List.class);

        assertThat(runs).extracting(r -> ((TaskRun) r).getId()).containsExactly(theirs);
    }

    @Test
    void theTaskRunsConsumerEmitsOneCustomersRunsWithItsExternalId() throws Exception {
        String credentialId = customer("cust-consumer");
        String taskId = quickTask().id();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?externalId=cust-consumer&delay=100").to("mock:runs");
            }
        });
        MockEndpoint runs = getMockEndpoint("mock:runs");
        runs.expectedMessageCount(1);
        runs.expectedHeaderReceived(DeckConstants.EXTERNAL_ID, "cust-consumer");

        String theirs = sim().startRun(taskId, Map.of(), credentialId).id();
        String other = sim().startRun(taskId, Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(other).status()));

        runs.assertIsSatisfied(10_000);
        awaitPolls(context, 3);
        assertThat(runs.getExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getIn().getHeader(DeckConstants.RUN_ID)).isEqualTo(theirs));
    }
}
