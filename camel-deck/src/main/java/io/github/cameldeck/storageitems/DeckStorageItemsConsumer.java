package io.github.cameldeck.storageitems;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.taskruns.DeckTaskRunsConsumer;
import org.apache.camel.Processor;

/**
 * The storageItems consumer: each file of each run that reaches {@code completed}, once. It finds runs as the taskRuns
 * consumer does (catch-up, then Deck's event log; the same filters), lists each run's storage items and emits every
 * item it has not emitted yet, as the file's bytes ({@code download=false}: the {@code StorageItem}). A file is
 * recorded in the idempotentRepository by its storage id once its exchange completed; a run once all its files are, so
 * a restart with a persistent repository neither lists nor downloads again what was emitted.
 */
public class DeckStorageItemsConsumer extends DeckTaskRunsConsumer {

    public DeckStorageItemsConsumer(DeckEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new StorageEmitter(endpoint, endpoint.getConfiguration().isDownload()));
    }
}
