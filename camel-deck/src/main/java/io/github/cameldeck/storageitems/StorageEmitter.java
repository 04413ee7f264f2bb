package io.github.cameldeck.storageitems;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.FileDownloader;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.Page;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.support.DownloadedFiles;
import io.github.cameldeck.support.RunHeaders;
import io.github.cameldeck.taskruns.RunEmitter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The storageItems consumer's emissions: each file of a completed run not emitted yet, keyed by its storage id. The
 * run's items are listed ({@code GET /task-runs/{id}/storage}, every page) when the run is found; each file is
 * downloaded just before its exchange is routed, so a file already emitted is never fetched again.
 */
final class StorageEmitter implements RunEmitter {

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;
    private final boolean download;

    StorageEmitter(DeckEndpoint endpoint, boolean download) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.download = download;
    }

    @Override
    public List<Emission> emissions(TaskRun run, String runKey, Predicate<String> emitted) {
        List<Emission> emissions = new ArrayList<>();
        for (StorageItem item : items(run.getId())) {
            if (item.getId() != null && !emitted.test(item.getId())) {
                emissions.add(new Emission(item.getId(), exchange -> fill(exchange, run, item)));
            }
        }
        return emissions;
    }

    private List<StorageItem> items(String runId) {
        DeckClient client = endpoint.getClient();
        List<StorageItem> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<StorageItem> page = Futures.await(client.listStorage(runId, cursor));
            items.addAll(page.data());
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        return items;
    }

    private void fill(Exchange exchange, TaskRun run, StorageItem item) {
        Message message = exchange.getIn();
        RunHeaders.set(message, run);
        if (!download) {
            message.setBody(item);
            DownloadedFiles.setItemHeaders(message, item);
            return;
        }
        DeckClient client = endpoint.getClient();
        FileDownloader.Downloaded<DownloadedFiles.Body> done = Futures.await(client.files().download(item.getId(), item,
                () -> client.getStorage(item.getId()),
                DownloadedFiles.sink(exchange, configuration.isDisableStreamCache())));
        DownloadedFiles.set(message, done.file(), done.value(), item.getId());
    }
}
