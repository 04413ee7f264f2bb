package io.github.cameldeck.producer;

import java.util.concurrent.CompletableFuture;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.Page;
import io.github.cameldeck.model.Screenshot;
import io.github.cameldeck.support.DownloadedFiles;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations on a run's screenshots: listScreenshots (oldest first, with the agent's reasoning) and
 * downloadScreenshot (a {@link Screenshot} body, as a split of listScreenshots hands it). A screenshot has no id of its
 * own: a refused URL is renewed by listing the run's screenshots again (runId) and taking the one of the same name.
 */
final class ScreenshotOperations extends OperationGroup {

    ScreenshotOperations(DeckEndpoint endpoint) {
        super(endpoint);
        register(DeckOperation.listScreenshots, this::listScreenshots);
        register(DeckOperation.downloadScreenshot, this::downloadScreenshot);
    }

    private CompletableFuture<Void> listScreenshots(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.listScreenshots);
        return list(exchange, cursor -> endpoint.getClient().listScreenshots(runId, cursor));
    }

    private CompletableFuture<Void> downloadScreenshot(Exchange exchange) {
        Message in = exchange.getIn();
        if (!(in.getBody() instanceof Screenshot screenshot) || screenshot.getFileName() == null) {
            throw new IllegalArgumentException("downloadScreenshot needs a Screenshot body (an element of "
                    + "listScreenshots' list, e.g. split from it), but the body is "
                    + (in.getBody() == null ? "empty" : "a " + in.getBody().getClass().getName()));
        }
        String runId = value(in, DeckConstants.RUN_ID, configuration.getRunId());
        String name = screenshot.getFileName();
        DeckClient client = endpoint.getClient();
        return client.files()
                .download(name, screenshot, () -> again(client, runId, name),
                        DownloadedFiles.sink(exchange, configuration.isDisableStreamCache()))
                .thenAccept(done -> DownloadedFiles.set(exchange.getMessage(), done.file(), done.value(), name));
    }

    /** The screenshot of this name, listed again for a fresh URL; null when the run has none of that name. */
    private static CompletableFuture<Screenshot> again(DeckClient client, String runId, String name) {
        if (runId == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The storage host refused the signed URL "
                    + "of screenshot " + name + ", and a fresh one needs the run's id: set the runId option or the "
                    + DeckConstants.RUN_ID + " header"));
        }
        return find(client, runId, name, null);
    }

    private static CompletableFuture<Screenshot> find(DeckClient client, String runId, String name, String cursor) {
        return client.listScreenshots(runId, cursor).thenCompose((Page<Screenshot> page) -> {
            for (Screenshot candidate : page.data()) {
                if (name.equals(candidate.getFileName())) {
                    return CompletableFuture.completedFuture(candidate);
                }
            }
            return page.hasMore()
                    ? find(client, runId, name, page.nextCursor())
                    : CompletableFuture.completedFuture(null);
        });
    }
}
