package io.github.cameldeck.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.DeckWaitingRunException;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People in the loop: runs waiting for input say what they ask for in headers, and submitInteraction answers the one
 * waiting run of a customer, checking the answer's fields first.
 */
class InteractionsByCustomerTest extends DeckTestSupport {

    private Task mfaTask() {
        return task("Statements", Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(10))
                .withInteraction(Interaction.mfa("123456")));
    }

    private String customer(String externalId) {
        return template.requestBody("deck:createCredential", Map.of("source_id", source.id(), "external_id",
                externalId, "auth_credentials", Map.of("username", externalId, "password", "pw")),
                Credential.class).getId();
    }

    private String waitingRun(Task task, String credentialId) {
        String runId = sim().startRun(task.id(), Map.of(), credentialId).id();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> "interaction_required".equals(sim().taskRun(runId).status()));
        return runId;
    }

    private long interactionRequests() {
        return sim().stats().requests("POST /v2/task-runs/{id}/interaction");
    }

    @Test
    void aWaitingRunSaysWhatItAsksForInHeaders() {
        Exchange waiting = template.request("deck:runTask?waitForCompletion=true&taskId=" + mfaTask().id(), e -> {
        });
        Exchange done = template.request("deck:submitInteraction?waitForCompletion=true", e -> {
            e.getIn().getHeaders().putAll(waiting.getMessage().getHeaders());
            e.getIn().setBody(Map.of("code", "123456"));
        });

        assertThat(waiting.getMessage().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("interaction_required");
        assertThat(waiting.getMessage().getHeader(DeckConstants.INTERACTION_TYPE)).isEqualTo("mfa");
        assertThat(waiting.getMessage().getHeader(DeckConstants.INTERACTION_MESSAGE, String.class))
                .contains("code");
        assertThat(waiting.getMessage().getHeader(DeckConstants.INTERACTION_FIELDS)).isEqualTo("code");
        assertThat(done.getMessage().getBody(TaskRun.class).getStatusValue()).isEqualTo("completed");
        assertThat(done.getMessage().getHeaders()).doesNotContainKeys(DeckConstants.INTERACTION_TYPE,
                DeckConstants.INTERACTION_MESSAGE, DeckConstants.INTERACTION_FIELDS);
    }

    @Test
    void aRunInReviewSaysSo() {
        Task review = task("Review", Scenario.completesAfter(Duration.ofMillis(100))
                .withQueueTime(Duration.ofMillis(10)).withReview(Duration.ofMinutes(5)));

        Exchange out = template.request("deck:runTask?waitForCompletion=true&taskId=" + review.id(), e -> {
        });

        assertThat(out.getMessage().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("review_required");
        assertThat(out.getMessage().getHeader(DeckConstants.INTERACTION_TYPE)).isEqualTo("review");
        assertThat(out.getMessage().getHeader(DeckConstants.INTERACTION_MESSAGE, String.class)).contains("review");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(DeckConstants.INTERACTION_FIELDS);
    }

    @Test
    void theOneWaitingRunOfACustomerIsAnsweredByExternalIdOrCredential() {
        Task task = mfaTask();
        String alice = customer("cust-alice");
        String bob = customer("cust-bob");
        String alicesRun = waitingRun(task, alice);
        String bobsRun = waitingRun(task, bob);

        Exchange byExternalId = template.request("deck:submitInteraction", e -> {
            e.getIn().setHeader(DeckConstants.EXTERNAL_ID, "cust-alice");
            e.getIn().setBody("{\"code\": \"123456\"}");
        });
        Exchange byCredential = template.request("deck:submitInteraction?credentialId=" + bob, e -> e.getIn()
                .setBody(Map.of("code", "123456")));

        assertThat(byExternalId.getException()).isNull();
        assertThat(byExternalId.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(alicesRun);
        assertThat(byExternalId.getMessage().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-alice");
        assertThat(byCredential.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(bobsRun);
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(alicesRun).status())
                && "completed".equals(sim().taskRun(bobsRun).status()));
    }

    @Test
    void noWaitingRunAndSeveralAreNamedAndNothingIsSent() {
        Task task = mfaTask();
        String carol = customer("cust-carol");
        customer("cust-dave");
        String first = waitingRun(task, carol);
        String second = waitingRun(task, carol);
        long before = interactionRequests();

        Exchange none = template.request("deck:submitInteraction?externalId=cust-dave", e -> e.getIn()
                .setBody(Map.of("code", "123456")));
        Exchange several = template.request("deck:submitInteraction?externalId=cust-carol", e -> e.getIn()
                .setBody(Map.of("code", "123456")));

        assertThat(none.getException()).isInstanceOfSatisfying(DeckWaitingRunException.class,
                e -> assertThat(e.getReason()).isEqualTo(DeckWaitingRunException.Reason.NO_WAITING_RUN));
        assertThat(several.getException()).isInstanceOfSatisfying(DeckWaitingRunException.class, e -> {
            assertThat(e.getReason()).isEqualTo(DeckWaitingRunException.Reason.SEVERAL_WAITING_RUNS);
            assertThat(e.getRunIds()).containsExactlyInAnyOrder(first, second);
            assertThat(e.getMessage()).contains(first, second, "cust-carol");
        });
        assertThat(interactionRequests()).isEqualTo(before);
    }

    @Test
    void anAnswerWithAFieldTheInteractionDoesNotAskForIsRefusedBeforeSending() {
        String erin = customer("cust-erin");
        String runId = waitingRun(mfaTask(), erin);
        long before = interactionRequests();

        Exchange unknown = template.request("deck:submitInteraction?externalId=cust-erin", e -> e.getIn()
                .setBody(Map.of("otp", "123456")));
        Exchange extra = template.request("deck:submitInteraction", e -> {
            e.getIn().setHeader(DeckConstants.RUN_ID, runId);
            e.getIn().setHeader(DeckConstants.INTERACTION_FIELDS, "code");
            e.getIn().setBody(Map.of("code", "123456", "answer", "fluffy"));
        });

        assertThat(unknown.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("submitInteraction: the interaction of " + runId + " asks for code; the answer has no "
                        + "code, the answer has otp, which it does not ask for; nothing was sent");
        assertThat(extra.getException()).hasMessageContaining("the answer has answer, which it does not ask for")
                .hasMessageNotContaining("123456").hasMessageNotContaining("fluffy");
        assertThat(interactionRequests()).isEqualTo(before);
        assertThat(List.of(sim().taskRun(runId).status())).containsExactly("interaction_required");
    }
}
