package io.github.cameldeck.realdeck;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.ConnectionCheck;
import io.github.cameldeck.model.DeckResource;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * camel-deck against the real Deck, skipped unless {@code DECK_API_KEY} is set: the read-only operations, one page
 * each, and with {@code DECK_IT_TASK_ID} one run of that task end to end (its input from {@code DECK_IT_INPUT}, a JSON
 * object, {@code {}} by default; with the credential {@code DECK_IT_CREDENTIAL_ID} when set), its files listed and the first downloaded. {@code DECK_BASE_URL} points it elsewhere
 * than {@code https://api.deck.co/v2}. It creates nothing else and deletes nothing.
 */
@EnabledIfEnvironmentVariable(named = "DECK_API_KEY", matches = ".+")
class RealDeckIT extends CamelTestSupport {

    private static final String ONE_PAGE = "";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DeckComponent deck = context.getComponent("deck", DeckComponent.class);
        deck.getConfiguration().setApiKey(System.getenv("DECK_API_KEY"));
        String baseUrl = System.getenv("DECK_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            deck.getConfiguration().setBaseUrl(baseUrl.trim());
        }
        return context;
    }

    @Test
    void theKeyIsAccepted() {
        ConnectionCheck check = template.requestBody("deck:testConnection", null, ConnectionCheck.class);

        assertThat(check.getStatus()).isEqualTo("ready");
        assertThat(check.getRequestId()).isNotBlank();
    }

    @Test
    void eachListReadsOnePage() {
        for (String operation : List.of("listTasks", "listAgents", "listSources", "listCredentials", "listTaskRuns",
                "listEvents", "listEventDestinations")) {
            Exchange answer = template.request("deck:" + operation + "?pageSize=10",
                    e -> e.getIn().setHeader(DeckConstants.CURSOR, ONE_PAGE));

            assertThat(answer.getException()).as(operation).isNull();
            assertThat(answer.getMessage().getBody()).as(operation).isInstanceOf(List.class);
            assertThat(answer.getMessage().getHeader(DeckConstants.HAS_MORE)).as(operation).isNotNull();
        }
    }

    @Test
    void aListedTaskReadsWhole() {
        List<?> tasks = template.request("deck:listTasks?pageSize=1",
                e -> e.getIn().setHeader(DeckConstants.CURSOR, ONE_PAGE)).getMessage().getBody(List.class);
        assumeTrue(!tasks.isEmpty(), "the organization has no task");
        String taskId = ((DeckResource) tasks.get(0)).getId();

        DeckResource task = template.requestBodyAndHeader("deck:getTask", null, DeckConstants.TASK_ID, taskId,
                DeckResource.class);

        assertThat(task.getId()).isEqualTo(taskId);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DECK_IT_TASK_ID", matches = ".+")
    void oneRunEndToEnd() {
        String input = System.getenv().getOrDefault("DECK_IT_INPUT", "{}");
        String waitTimeout = Duration.ofMinutes(15).toMillis() + "";

        String credentialId = System.getenv("DECK_IT_CREDENTIAL_ID");

        TaskRun run = template.requestBodyAndHeader("deck:runTask?waitForCompletion=true&waitTimeout=" + waitTimeout
                + "&taskId=" + System.getenv("DECK_IT_TASK_ID"), input, DeckConstants.CREDENTIAL_ID,
                credentialId == null || credentialId.isBlank() ? null : credentialId.trim(), TaskRun.class);

        assertThat(run.getId()).isNotBlank();
        assertThat(run.getStatus()).as("the run settled: %s", run.getErrors()).isIn(TaskRunStatus.COMPLETED,
                TaskRunStatus.FAILED, TaskRunStatus.INTERACTION_REQUIRED);
        if (run.getStatus() != TaskRunStatus.COMPLETED) {
            return;
        }
        List<?> files = template.requestBodyAndHeader("deck:listStorage", null, DeckConstants.RUN_ID, run.getId(),
                List.class);
        if (!files.isEmpty()) {
            StorageItem first = (StorageItem) files.get(0);
            byte[] bytes = template.requestBodyAndHeaders("deck:downloadStorage", null,
                    Map.of(DeckConstants.STORAGE_ID, first.getId()), byte[].class);
            if (first.getFileSize() != null) {
                assertThat((long) bytes.length).isEqualTo(first.getFileSize());
            }
        }
    }
}
