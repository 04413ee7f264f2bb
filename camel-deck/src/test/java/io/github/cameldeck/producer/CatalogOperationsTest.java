package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Agent;
import io.github.cameldeck.model.DeletedObject;
import io.github.cameldeck.model.Session;
import io.github.cameldeck.model.Source;
import io.github.cameldeck.model.Task;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sources, agents, tasks and sessions: each operation's round trip against the simulator. */
class CatalogOperationsTest extends DeckTestSupport {

    @Test
    void sourcesAreCreatedReadListedAndDeleted() {
        Exchange created = template.request("deck:createSource", e -> e.getIn()
                .setBody("{\"name\": \"Bank\", \"website\": {\"url\": \"https://bank2.example.com\"}}"));
        Source source = created.getMessage().getBody(Source.class);
        String id = source.getId();

        Source read = template.requestBodyAndHeader("deck:getSource", null, DeckConstants.SOURCE_ID, id, Source.class);
        List<?> all = template.requestBody("deck:listSources", null, List.class);
        DeletedObject deleted = template.requestBody("deck:deleteSource?sourceId=" + id, null, DeletedObject.class);
        Exchange gone = template.request("deck:getSource?sourceId=" + id, e -> {
        });

        assertThat(source.getType()).isEqualTo("website");
        assertThat(source.getWebsiteUrl()).isEqualTo("https://bank2.example.com");
        assertThat(created.getMessage().getHeader(DeckConstants.SOURCE_ID)).isEqualTo(id);
        assertThat(read.getName()).isEqualTo("Bank");
        assertThat(all).extracting(s -> ((Source) s).getId()).contains(id);
        assertThat(deleted.isDeletedObject()).isTrue();
        assertThat(gone.getException()).isInstanceOfSatisfying(DeckApiException.class,
                e -> assertThat(e.getHttpResponseCode()).isEqualTo(404));
    }

    @Test
    void agentsAreCreatedReadListedUpdatedAndDeleted() {
        Agent agent = template.requestBody("deck:createAgent", Map.of("name", "Statements"), Agent.class);
        String id = agent.getId();

        Agent read = template.requestBody("deck:getAgent?agentId=" + id, null, Agent.class);
        List<?> all = template.requestBody("deck:listAgents", null, List.class);
        Agent updated = template.requestBodyAndHeader("deck:updateAgent", Map.of("description", "Monthly"),
                DeckConstants.AGENT_ID, id, Agent.class);
        DeletedObject deleted = template.requestBody("deck:deleteAgent?agentId=" + id, null, DeletedObject.class);

        assertThat(id).startsWith("agt_");
        assertThat(read.getName()).isEqualTo("Statements");
        assertThat(all).extracting(a -> ((Agent) a).getId()).contains(id);
        assertThat(updated.getDescription()).isEqualTo("Monthly");
        assertThat(deleted.isDeletedObject()).isTrue();
    }

    @Test
    void tasksAreCreatedReadListedUpdatedResetAndDeleted() {
        Exchange created = template.request("deck:createTask", e -> {
            e.getIn().setBody(Map.of("name", "Fetch statements", "prompt", "Download this month's statements"));
            e.getIn().setHeader(DeckConstants.AGENT_ID, agent.id());
        });
        Task task = created.getMessage().getBody(Task.class);
        String id = task.getId();

        Task read = template.requestBody("deck:getTask?taskId=" + id, null, Task.class);
        List<?> learning = template.requestBody("deck:listTasks?status=learning&agentId=" + agent.id(), null,
                List.class);
        Task updated = template.requestBodyAndHeader("deck:updateTask", Map.of("name", "Fetch all statements"),
                DeckConstants.TASK_ID, id, Task.class);
        Task reset = template.requestBody("deck:resetTask?taskId=" + id, null, Task.class);
        DeletedObject deleted = template.requestBody("deck:deleteTask?taskId=" + id, null, DeletedObject.class);

        assertThat(task.getAgentId()).isEqualTo(agent.id());
        assertThat(task.getStatus()).isEqualTo("learning");
        assertThat(created.getMessage().getHeader(DeckConstants.TASK_ID)).isEqualTo(id);
        assertThat(read.getPrompt()).isEqualTo("Download this month's statements");
        assertThat(learning).extracting(t -> ((Task) t).getId()).contains(id);
        assertThat(updated.getName()).isEqualTo("Fetch all statements");
        assertThat(reset.getStatus()).isEqualTo("learning");
        assertThat(deleted.isDeletedObject()).isTrue();
    }

    @Test
    void aSessionIsReadAndEndedWhichCancelsItsRunningRun() {
        String taskId = task("Slow", Scenario.completesAfter(java.time.Duration.ofMinutes(5))).id();
        TaskRun run = template.requestBody("deck:runTask?taskId=" + taskId, null, TaskRun.class);
        await().atMost(10, TimeUnit.SECONDS).until(() -> sim().taskRun(run.getId()).sessionId() != null
                && "running".equals(sim().taskRun(run.getId()).status()));
        String sessionId = sim().taskRun(run.getId()).sessionId();

        Session session = template.requestBodyAndHeader("deck:getSession", null, DeckConstants.SESSION_ID, sessionId,
                Session.class);
        Exchange ended = template.request("deck:endSession?sessionId=" + sessionId, e -> {
        });

        assertThat(session.getTaskRuns()).extracting(TaskRun::getId).contains(run.getId());
        assertThat(ended.getException()).isNull();
        assertThat(ended.getMessage().getHeader(DeckConstants.SESSION_ID)).isEqualTo(sessionId);
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> sim().taskRun(run.getId()).status().startsWith("cancel"));
    }
}
