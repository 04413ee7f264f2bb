package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Screenshot;
import io.github.cameldeck.model.StorageItem;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** listStorage, getStorage and listScreenshots against the simulator, and bad input named before any request. */
class StorageOperationsTest extends DeckTestSupport {

    private String completedRun() {
        String runId = sim().startRun(quickTask().id(), Map.of("month", "2026-10")).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        return runId;
    }

    @Test
    void listStorageReadsTheRunsItems() {
        String runId = completedRun();

        List<?> items = template.requestBodyAndHeader("deck:listStorage", null, DeckConstants.RUN_ID, runId,
                List.class);

        assertThat(items).singleElement().isInstanceOfSatisfying(StorageItem.class, item -> {
            assertThat(item.getId()).startsWith("stor_");
            assertThat(item.getTaskRunId()).isEqualTo(runId);
            assertThat(item.getFileName()).endsWith(".pdf");
            assertThat(item.getFileSize()).isPositive();
            assertThat(item.getUrl()).isNotBlank();
            assertThat(item.toString()).doesNotContain("?");
        });
    }

    @Test
    void getStorageReadsOneItemAndSetsItsHeaders() {
        String runId = completedRun();
        String storageId = sim().taskRun(runId).storage().get(0).id();

        Exchange out = template.request("deck:getStorage?storageId=" + storageId, e -> {
        });

        assertThat(out.getException()).isNull();
        StorageItem item = out.getMessage().getBody(StorageItem.class);
        assertThat(item.getId()).isEqualTo(storageId);
        assertThat(item.getUrl()).isNotBlank();
        assertThat(out.getMessage().getHeader(DeckConstants.STORAGE_ID)).isEqualTo(storageId);
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(runId);
        assertThat(out.getMessage().getHeader(DeckConstants.FILE_SIZE, Long.class)).isEqualTo(item.getFileSize());
        assertThat(out.getMessage().getHeader(DeckConstants.REQUEST_ID, String.class)).startsWith("req_");
    }

    @Test
    void listScreenshotsReadsThemOldestFirst() {
        String runId = completedRun();

        List<?> screenshots = template.requestBody("deck:listScreenshots?runId=" + runId, null, List.class);

        assertThat(screenshots).isNotEmpty().allSatisfy(s -> assertThat(s).isInstanceOf(Screenshot.class));
        List<Screenshot> typed = screenshots.stream().map(Screenshot.class::cast).toList();
        assertThat(typed).extracting(Screenshot::getCreatedAt).isSorted();
        assertThat(typed).allSatisfy(s -> assertThat(s.getReasoning()).isNotBlank());
    }

    @Test
    void badInputIsNamedBeforeAnyRequest() {
        long before = sim().stats().totalRequests();

        assertThatThrownBy(() -> template.requestBody("deck:listStorage", (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessage("listStorage needs the runId option or the CamelDeckRunId header");
        assertThatThrownBy(() -> template.requestBody("deck:getStorage", (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessage("getStorage needs the storageId option or the CamelDeckStorageId header");
        assertThatThrownBy(() -> template.requestBody("deck:downloadStorage", "not an item"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessage("downloadStorage needs the storageId option or the CamelDeckStorageId header");
        assertThatThrownBy(() -> template.requestBody("deck:listScreenshots", (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessage("listScreenshots needs the runId option or the CamelDeckRunId header");
        assertThatThrownBy(() -> template.requestBody("deck:downloadScreenshot", (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageStartingWith("downloadScreenshot needs a Screenshot body")
                .hasMessageEndingWith("but the body is empty");
        assertThat(sim().stats().totalRequests()).as("no request sent").isEqualTo(before);
    }
}
