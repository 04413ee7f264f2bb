package io.github.cameldeck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.storageitems.DeckStorageItemsConsumer;
import io.github.cameldeck.taskruns.DeckTaskRunsConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.cameldeck.DeckConsoles.consumerOf;
import static io.github.cameldeck.DeckConsoles.map;
import static io.github.cameldeck.DeckConsoles.organization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The deck dev console, found through its service file, after scripted runs: per organization its budget, activity
 * (with a failed call's request id), watcher and slots; per taskRuns and storageItems consumer its position.
 */
class DeckDevConsoleTest extends DeckTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Test
    void beforeAnyDeckEndpointItShowsNoOrganization() {
        assertThat(DeckConsoles.text(context)).contains("No Deck organization");
        assertThat((List<?>) DeckConsoles.json(context).get("organizations")).isEmpty();
    }

    @Test
    void showsTheBudgetTheActivityAFailedCallsRequestIdAndTheWatcher() {
        Task task = quickTask();
        for (int i = 0; i < 3; i++) {
            TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(),
                    Map.of("i", i), TaskRun.class);
            assertThat(run.getStatusValue()).isEqualTo("completed");
        }
        CamelExecutionException failed = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody("deck:getTaskRun?runId=trun_missing", (Object) null));
        DeckApiException error = (DeckApiException) failed.getCause();
        assertThat(error.getRequestId()).isNotBlank();

        Map<String, Object> json = DeckConsoles.json(context);
        Map<String, Object> organization = organization(json, 0);
        assertThat(organization).containsEntry("name", "budget-1").containsEntry("baseUrl", sim().baseUrl());
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        assertThat(map(organization, "budget")).containsEntry("limit", component.getRateLimit())
                .containsEntry("windowMs", component.getRateLimitWindow()).containsEntry("waiting", 0)
                .containsEntry("rateLimitedAnswers", 0L).containsKeys("usedInWindow", "longestWaitMs",
                        "currentWaitMs");
        Map<String, Object> activity = map(organization, "activity");
        assertThat(activity).containsEntry("runsStarted", 3L).containsEntry("failedCalls", 1L)
                .containsEntry("bytesDownloaded", 0L);
        assertThat(map(activity, "requests")).containsEntry("clientError", 1L).containsEntry("serverError", 0L)
                .containsEntry("networkError", 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) activity.get("recentErrors");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("method", "GET")
                .containsEntry("path", "/task-runs/trun_missing").containsEntry("status", 404)
                .containsEntry("errorCode", error.getErrorCode()).containsEntry("requestId", error.getRequestId())
                .containsKey("message"));
        Map<String, Object> watcher = map(organization, "watcher");
        assertThat(watcher).containsEntry("waiting", 0).containsEntry("waitingForPerson", 0);
        assertThat((Long) watcher.get("eventLogReads")).isPositive();
        assertThat(organization).doesNotContainKey("slots");

        String text = DeckConsoles.text(context);
        assertThat(text).contains("Organization budget-1 (" + sim().baseUrl() + ")")
                .contains("runsStarted: 3").contains("requestId: " + error.getRequestId())
                .contains("path: /task-runs/trun_missing").contains("status: 404").contains("eventLogReads: ");
    }

    @Test
    void showsTheMaxConcurrentRunsSlots() {
        context.getComponent("deck", DeckComponent.class).setMaxConcurrentRuns(2);
        Task task = quickTask();
        template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), Map.of(), TaskRun.class);

        Map<String, Object> slots = map(organization(DeckConsoles.json(context), 0), "slots");
        assertThat(slots).containsEntry("max", 2).containsKeys("inUse", "waiting");
        assertThat(DeckConsoles.text(context)).contains("slots:").contains("max: 2");
    }

    @Test
    void showsATaskRunsConsumersRetriesPendingAndItsWatermark() throws Exception {
        Task task = quickTask();
        template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), Map.of(), TaskRun.class);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one poll, then none for an hour: the failed run stays pending
                from("deck:taskRuns?initialDelay=0&delay=3600000").routeId("refusing")
                        .throwException(new IllegalStateException("refused by the test"));
            }
        });
        DeckTaskRunsConsumer consumer = (DeckTaskRunsConsumer) context.getRoute("refusing").getConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().retriesPending() == 1);

        Map<String, Object> json = consumerOf(DeckConsoles.json(context), "refusing");
        assertThat(json).containsEntry("kind", "taskRuns").containsEntry("started", true)
                .containsEntry("uri", "deck://taskRuns?delay=3600000&initialDelay=0");
        assertThat(map(json, "position")).containsEntry("catchUpDone", true).containsEntry("backlog", 0)
                .containsEntry("retriesPending", 1).containsKeys("watermark", "lastPoll");
        assertThat(map(json, "position").get("watermark")).isNotNull();
        assertThat(map(json, "position").get("lastPoll")).isNotNull();
        assertThat(DeckConsoles.text(context)).contains("Consumer refusing (deck://taskRuns?")
                .contains("retriesPending: 1").contains("catchUpDone: true").contains("watermark: ");
    }

    @Test
    void showsAStorageItemsConsumersBacklogLeftByMaxMessagesPerPoll() throws Exception {
        Task task = task("Statement", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20)));
        for (int i = 0; i < 2; i++) {
            template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), Map.of("i", i),
                    TaskRun.class);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:storageItems?download=false&maxMessagesPerPoll=1&initialDelay=0&delay=3600000")
                        .routeId("files").to("mock:files");
            }
        });
        DeckStorageItemsConsumer consumer = (DeckStorageItemsConsumer) context.getRoute("files").getConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().lastPoll() != null
                && consumer.position().backlog() == 1);
        assertThat(context.getEndpoint("mock:files", MockEndpoint.class).getReceivedCounter()).isPositive();

        Map<String, Object> json = consumerOf(DeckConsoles.json(context), "files");
        assertThat(json).containsEntry("kind", "storageItems");
        assertThat(map(json, "position")).containsEntry("backlog", 1).containsEntry("retriesPending", 0);
        assertThat(DeckConsoles.text(context)).contains("Consumer files (deck://storageItems?").contains("backlog: 1");
    }
}
