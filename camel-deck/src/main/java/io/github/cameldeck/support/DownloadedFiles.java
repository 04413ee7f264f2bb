package io.github.cameldeck.support;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.client.FileDownloader;
import io.github.cameldeck.client.FileResponse;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * How a downloaded file becomes a message body, and the headers that describe it; shared by the producer's download
 * operations and the storageItems consumer.
 * <p>
 * By default ({@link #cached}) the file is read whole before the route sees it, so a body that ends short is
 * downloaded again and never reaches the route: up to the stream cache's spool threshold into memory (the body is a
 * {@link org.apache.camel.StreamCache}), beyond it into a temporary file in the spool directory, whatever spoolEnabled
 * says, so a large file never sits in the heap. That file is the body (a {@link java.io.File}, with the
 * {@code CamelFileLocalWorkPath} header that lets a {@code file:} endpoint move it instead of copying it) and is deleted
 * when the exchange completes, unless it was moved. Either body can be read more than once. {@link #streamed} hands the
 * open HTTP stream on instead.
 */
public final class DownloadedFiles {

    /** What a download made: the body, and the bytes it holds (-1 when not read yet). */
    public record Body(Object body, long length) {
    }

    private static final long DEFAULT_THRESHOLD = 128 * 1024;
    private static final int BUFFER = 64 * 1024;

    private DownloadedFiles() {
    }

    /** The sink for the {@code disableStreamCache} option: read whole first (false), or the open stream (true). */
    public static FileDownloader.Sink<Body> sink(Exchange exchange, boolean disableStreamCache) {
        return disableStreamCache
                ? (body, answer) -> streamed(exchange, body, answer)
                : (body, answer) -> cached(exchange, body, answer);
    }

    static Body cached(Exchange exchange, InputStream body, FileResponse answer) throws IOException {
        exchange.getIn().removeHeader(Exchange.FILE_LOCAL_WORK_PATH);
        try (answer) {
            StreamCachingStrategy strategy = exchange.getContext().getStreamCachingStrategy();
            long threshold = strategy.getSpoolThreshold() > 0 ? strategy.getSpoolThreshold() : DEFAULT_THRESHOLD;
            byte[] head = body.readNBytes((int) Math.min(threshold, Integer.MAX_VALUE - 8) + 1);
            if (head.length <= threshold) {
                return new Body(new InputStreamCache(head), head.length);
            }
            Path file = spoolFile(strategy);
            try {
                long length;
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(head);
                    length = head.length + body.transferTo(out);
                }
                deleteWhenDone(exchange, file);
                // a local work file, as camel-ftp's localWorkDirectory leaves one: file: moves it instead of copying
                exchange.getIn().setHeader(Exchange.FILE_LOCAL_WORK_PATH, file.toString());
                return new Body(file.toFile(), length);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }

    static Body streamed(Exchange exchange, InputStream body, FileResponse answer) {
        exchange.getIn().removeHeader(Exchange.FILE_LOCAL_WORK_PATH);
        return new Body(new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                answer.close();
            }
        }, -1);
    }

    private static Path spoolFile(StreamCachingStrategy strategy) throws IOException {
        File directory = strategy.getSpoolDirectory();
        if (directory != null) {
            Files.createDirectories(directory.toPath());
            return Files.createTempFile(directory.toPath(), "camel-deck-", ".download");
        }
        return Files.createTempFile("camel-deck-", ".download");
    }

    private static void deleteWhenDone(Exchange exchange, Path file) {
        Synchronization delete = new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    file.toFile().deleteOnExit();
                }
            }
        };
        exchange.getExchangeExtension().addOnCompletion(delete);
    }

    /**
     * The body and the headers of a downloaded file: {@code CamelFileName} (a safe last path segment of the name Deck
     * stored), {@code Content-Type}, {@code Content-Length} (when known), {@code CamelDeckFileSize}, and for a storage
     * item {@code CamelDeckStorageId}, {@code CamelDeckRunId} (when Deck says it) and {@code CamelDeckExtraction}.
     */
    public static void set(Message message, StoredFile file, Body body, String fallbackName) {
        message.setBody(body.body());
        message.setHeader(DeckConstants.FILE_NAME, safeFileName(file.getFileName(), fallbackName));
        RunHeaders.setOrRemove(message, DeckConstants.CONTENT_TYPE, file.getFileType());
        Long size = file.getFileSize();
        RunHeaders.setOrRemove(message, DeckConstants.CONTENT_LENGTH, body.length() >= 0
                ? Long.valueOf(body.length())
                : size);
        RunHeaders.setOrRemove(message, DeckConstants.FILE_SIZE, size);
        if (file instanceof StorageItem item) {
            setItemHeaders(message, item);
        }
    }

    /** The headers of a storage item without its bytes: id, run, size and extraction. */
    public static void setItemHeaders(Message message, StorageItem item) {
        message.setHeader(DeckConstants.STORAGE_ID, item.getId());
        if (item.getTaskRunId() != null) {
            message.setHeader(DeckConstants.RUN_ID, item.getTaskRunId());
        }
        RunHeaders.setOrRemove(message, DeckConstants.FILE_SIZE, item.getFileSize());
        Object extraction = item.getExtraction();
        RunHeaders.setOrRemove(message, DeckConstants.EXTRACTION,
                extraction == null ? null : DeckJson.mapper().convertValue(extraction, Object.class));
    }

    /**
     * The last path segment of {@code name} without characters a file system refuses or reads as a path
     * ({@code / \ : * ? " < > |} and control characters become {@code _}); {@code fallback} when nothing is left.
     */
    public static String safeFileName(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder(last.length());
        for (char c : last.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f || ":*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String safe = sb.toString().strip();
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? fallback : safe;
    }
}
