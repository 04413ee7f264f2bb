package io.github.cameldeck.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.client.DeckJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunJsonTest {

    static JsonNode example(String name) throws IOException {
        try (InputStream in = TaskRunJsonTest.class.getResourceAsStream("/deck-examples/" + name)) {
            return DeckJson.mapper().readTree(in);
        }
    }

    static TaskRun run(String name) throws IOException {
        return DeckJson.mapper().treeToValue(example(name), TaskRun.class);
    }

    @Test
    void readsEveryFieldOfACompletedRun() throws IOException {
        TaskRun run = run("task_run_completed.json");

        assertThat(run.getId()).isEqualTo("trun_01JQ80B2C4E6G8J0L2N4Q6S8UY");
        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(run.isTerminal()).isTrue();
        assertThat(run.getResult()).isEqualTo("success");
        assertThat(run.getTaskId()).startsWith("task_");
        assertThat(run.getCredentialId()).startsWith("cred_");
        assertThat(run.getSessionId()).startsWith("sess_");
        assertThat(run.getAgentId()).startsWith("agt_");
        assertThat(run.getSourceId()).startsWith("src_");
        assertThat(run.getWorkflowId()).isNull();
        assertThat(run.getRuntimeMs()).isEqualTo(189450L);
        assertThat(run.getCreatedAt()).hasToString("2026-03-10T14:05Z");
        assertThat(run.getInput()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) run.getOutput()).get("reservations")).isInstanceOf(List.class);
        assertThat(run.getStorage()).hasSize(1);
        assertThat(run.getStorage().get(0).getUrl()).startsWith("https://");
        assertThat(run.getStorage().get(0).getExtraction()).isInstanceOf(Map.class);
        assertThat(run.getArtifacts().getScreenshots()).hasSize(2);
        assertThat(run.getArtifacts().getScreenshots().get(0).getReasoning()).isNotBlank();
        assertThat(run.getRequestId()).startsWith("req_");
        assertThat(run.getAdditionalProperties()).isEmpty();
    }

    @Test
    void readsTheInteractionOfARunThatNeedsInput() throws IOException {
        TaskRun run = run("task_run_interaction_required.json");

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        assertThat(run.isWaitingForPerson()).isTrue();
        assertThat(run.getInteraction().getType()).isEqualTo("mfa");
        assertThat(run.getInteraction().getFields()).extracting(InteractionField::getName).containsExactly("code");
        assertThat(run.getInput()).as("absent without include=input").isNull();
    }

    @Test
    void readsTheErrorsOfAFailedRun() throws IOException {
        TaskRun run = run("task_run_failed_auth.json");

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(run.getErrors()).hasSize(1);
        assertThat(run.getErrors().get(0).getType()).isEqualTo("auth");
        assertThat(run.getErrors().get(0).getCode()).isEqualTo("auth_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"canceling", "cancelling", "CANCELING"})
    void acceptsBothSpellingsOfCanceling(String spelling) throws IOException {
        String json = example("task_run_canceling.json").toString().replace("\"canceling\"", "\"" + spelling + "\"");
        TaskRun run = DeckJson.mapper().readValue(json, TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.CANCELING);
        assertThat(run.getStatusValue()).as("the wire value is kept").isEqualTo(spelling);
        assertThat(run.isTerminal()).isFalse();
    }

    @Test
    void keepsUnknownStatusesAndFieldsAndWritesThemBack() throws IOException {
        String json = example("task_run_running.json").toString()
                .replace("\"running\"", "\"thinking_hard\"")
                .replaceFirst("\\{", "{\"priority\":{\"level\":3},");
        TaskRun run = DeckJson.mapper().readValue(json, TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.UNRECOGNIZED);
        assertThat(run.getStatusValue()).isEqualTo("thinking_hard");
        assertThat(run.getAdditionalProperty("priority")).isEqualTo(Map.of("level", 3));

        JsonNode written = DeckJson.mapper().valueToTree(run);
        assertThat(written.get("status").asText()).isEqualTo("thinking_hard");
        assertThat(written.get("priority").get("level").asInt()).isEqualTo(3);
    }

    @Test
    void writesBackWhatItReadWithoutAddingAbsentSections() throws IOException {
        for (String name : List.of("task_run_completed.json", "task_run_running.json", "task_run_queued.json",
                "task_run_interaction_required.json", "task_run_failed_timeout.json", "task_run_canceled.json")) {
            JsonNode original = example(name);
            TaskRun run = DeckJson.mapper().treeToValue(original, TaskRun.class);
            JsonNode written = DeckJson.mapper().readTree(DeckJson.mapper().writeValueAsString(run));
            assertThat(written).as(name).isEqualTo(original);
        }
    }

    @Test
    void readsTheOlderScreenshotsSectionAsArtifacts() throws IOException {
        String json = "{\"id\":\"trun_1\",\"status\":\"completed\",\"screenshots\":[{\"file_name\":\"a.png\",\"reasoning\":\"r\"}]}";
        TaskRun run = DeckJson.mapper().readValue(json, TaskRun.class);

        assertThat(run.getArtifacts().getScreenshots()).hasSize(1);
        assertThat(run.getArtifacts().getScreenshots().get(0).getFileName()).isEqualTo("a.png");
    }

    @Test
    void userStatusValuesAreCheckedStrictly() {
        assertThat(TaskRunStatus.parseUserValue("interaction_required")).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        assertThat(TaskRunStatus.parseUserValue("cancelling")).isEqualTo(TaskRunStatus.CANCELING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskRunStatus.parseUserValue("complete"))
                .hasMessageContaining("'complete'")
                .hasMessageContaining("completed");
    }
}
