package io.github.cameldeck.producer;

import java.util.concurrent.CompletableFuture;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.support.DownloadedFiles;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations on a run's stored files: listStorage, getStorage, downloadStorage. Which item: a {@link StorageItem}
 * body (as a split of listStorage hands it), else the {@code CamelDeckStorageId} header, else the storageId option.
 */
final class StorageOperations extends OperationGroup {

    StorageOperations(DeckEndpoint endpoint) {
        super(endpoint);
        register(DeckOperation.listStorage, this::listStorage);
        register(DeckOperation.getStorage, this::getStorage);
        register(DeckOperation.downloadStorage, this::downloadStorage);
    }

    private CompletableFuture<Void> listStorage(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.listStorage);
        return list(exchange, cursor -> endpoint.getClient().listStorage(runId, cursor));
    }

    private CompletableFuture<Void> getStorage(Exchange exchange) {
        String storageId = storageId(exchange.getIn(), DeckOperation.getStorage);
        return endpoint.getClient().getStorage(storageId).thenAccept(item -> {
            Message out = exchange.getMessage();
            out.setBody(item);
            DownloadedFiles.setItemHeaders(out, item);
            RunHeaders.setRequestId(out, item.getRequestId());
        });
    }

    private CompletableFuture<Void> downloadStorage(Exchange exchange) {
        Message in = exchange.getIn();
        StorageItem given = in.getBody() instanceof StorageItem item && item.getId() != null ? item : null;
        String storageId = given != null ? given.getId() : storageId(in, DeckOperation.downloadStorage);
        DeckClient client = endpoint.getClient();
        // an item that came with its URL is fetched at once; one without (or only an id) is read for its URL first
        StorageItem known = given != null ? given : idOnly(storageId);
        return client.files()
                .download(storageId, known, () -> client.getStorage(storageId),
                        DownloadedFiles.sink(exchange, configuration.isDisableStreamCache()))
                .thenAccept(done -> DownloadedFiles.set(exchange.getMessage(), done.file(), done.value(), storageId));
    }

    private String storageId(Message in, DeckOperation operation) {
        if (in.getBody() instanceof StorageItem item && item.getId() != null) {
            return item.getId();
        }
        return required(in, DeckConstants.STORAGE_ID, configuration.getStorageId(), "storageId", operation);
    }

    private static StorageItem idOnly(String storageId) {
        StorageItem item = new StorageItem();
        item.setId(storageId);
        return item;
    }
}
