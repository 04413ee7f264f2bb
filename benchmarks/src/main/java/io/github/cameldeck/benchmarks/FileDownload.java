package io.github.cameldeck.benchmarks;

import java.nio.file.Path;

/**
 * One side of the download benchmark: a client that downloads a storage item to a file. Made for one item and one
 * target file; {@link #warmUp} downloads another item to the same file first, with the same client.
 */
interface FileDownload extends AutoCloseable {

    /** The JDK HttpClient with {@code BodyHandlers.ofFile}, the baseline. */
    String JDK = "jdk";
    /** A route to {@code deck:downloadStorage} with the default options, then {@code file:}. */
    String DECK = "deck";
    /** The same with {@code disableStreamCache=true} and the route's stream caching off. */
    String DECK_STREAMED = "deck-streamed";

    /** Downloads another item to the target file, so the measured download finds the client warm. */
    void warmUp(String storageId) throws Exception;

    /** Downloads the item this client was made for; returns once the target file is written. */
    void download() throws Exception;

    static FileDownload create(String side, String baseUrl, String apiKey, String storageId, Path target)
            throws Exception {
        return switch (side) {
            case JDK -> new JdkFileDownload(baseUrl, apiKey, storageId, target);
            case DECK -> new DeckFileDownload(baseUrl, apiKey, storageId, target, false);
            case DECK_STREAMED -> new DeckFileDownload(baseUrl, apiKey, storageId, target, true);
            default -> throw new IllegalArgumentException("Unknown side " + side);
        };
    }
}
