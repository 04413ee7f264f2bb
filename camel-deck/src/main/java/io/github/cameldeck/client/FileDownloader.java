package io.github.cameldeck.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cameldeck.DeckDownloadException;
import io.github.cameldeck.model.StoredFile;

/**
 * Downloads the files Deck stored, from their signed URLs ({@link DeckHttpTransport#openFile}: no API key sent).
 * <p>
 * A network error, a 5xx or 429 answer, and a body that breaks off or ends short of the file's size (the larger of
 * {@code Content-Length} and Deck's {@code file_size}) are tried again, up to {@code maxRetries} with the backoff of
 * Deck's calls. A URL the storage host refuses (401, 403: expired or not valid) is replaced once by a fresh one, read
 * from Deck; refused again, the download fails with a {@link DeckDownloadException} that says so. Messages show the
 * URL without its query string.
 * <p>
 * Threads: the first attempt runs on the calling thread, which reads the whole body (through the sink); a retry
 * runs on the scheduler, after its backoff, without a thread held meanwhile.
 */
public final class FileDownloader {

    private static final int ERROR_BODY_LIMIT = 2048;
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

    /** What a download made, and the file as it was read last (with the URL that served it). */
    public record Downloaded<T>(StoredFile file, T value) {
    }

    /** Reads a download's body. It owns the answer: it closes it, or hands it on inside what it returns. */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * @param body the body, failing with an {@link IOException} at its end when it is shorter than the file
         * @throws IOException when the body breaks off or ends short: the download is tried again
         */
        T read(InputStream body, FileResponse answer) throws IOException;
    }

    private final DeckHttpTransport transport;
    private final DeckClientSettings settings;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final DeckClientObserver observer;

    FileDownloader(DeckHttpTransport transport, DeckClientSettings settings, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler, DeckClientObserver observer) {
        this.transport = transport;
        this.settings = settings;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.observer = observer;
    }

    /**
     * Downloads {@code file} into {@code sink}.
     *
     * @param name    what messages call the file: its storage id, or a screenshot's name
     * @param refresh reads the file again from Deck, for a fresh signed URL
     */
    public <T> CompletableFuture<Downloaded<T>> download(String name, StoredFile file,
            Supplier<CompletableFuture<? extends StoredFile>> refresh, Sink<T> sink) {
        Download<T> download = new Download<>(name, refresh, sink);
        if (file.getUrl() == null) {
            download.refreshThenAttempt(null);
        } else {
            download.attempt(file);
        }
        return download.result;
    }

    private final class Download<T> {
        final String name;
        final Supplier<CompletableFuture<? extends StoredFile>> refresh;
        final Sink<T> sink;
        final CompletableFuture<Downloaded<T>> result = new CompletableFuture<>();
        int retries;
        boolean refreshed;

        Download(String name, Supplier<CompletableFuture<? extends StoredFile>> refresh, Sink<T> sink) {
            this.name = name;
            this.refresh = refresh;
            this.sink = sink;
        }

        void attempt(StoredFile file) {
            String shown = SignedUrls.withoutQuery(file.getUrl());
            URI url;
            try {
                url = URI.create(file.getUrl().trim());
            } catch (IllegalArgumentException e) {
                fail("The signed URL of " + name + " is not a URL: " + shown, 0, -1, -1, null);
                return;
            }
            FileResponse answer;
            try {
                answer = transport.openFile(url, settings);
            } catch (IOException e) {
                retryOrFail(file, "could not be reached (" + e.getMessage() + ")", 0, -1, -1, e);
                return;
            }
            if (answer.isSuccess()) {
                read(file, answer);
                return;
            }
            String refusal = describeRefusal(answer);
            closeQuietly(answer);
            int status = answer.status();
            if ((status == 401 || status == 403) && !refreshed) {
                refreshThenAttempt(file);
            } else if (status == 401 || status == 403) {
                fail("The storage host refused the signed URL of " + name + " (" + shown + ") again after a fresh "
                        + "one was read from Deck: " + refusal, status, -1, -1, null);
            } else if (status == 429 || RetryPolicy.isRetryableStatus(status)) {
                retryOrFail(file, "answered " + refusal, status, -1, -1, null);
            } else {
                fail("The storage host answered " + refusal + " to the download of " + name + " (" + shown + ")",
                        status, -1, -1, null);
            }
        }

        private void read(StoredFile file, FileResponse answer) {
            long expected = Math.max(answer.contentLength(), file.getFileSize() != null ? file.getFileSize() : -1);
            LengthCheckedInputStream body = new LengthCheckedInputStream(answer.body(), expected,
                    observer::downloaded);
            T value;
            try {
                value = sink.read(body, answer);
            } catch (IOException e) {
                closeQuietly(answer);
                retryOrFail(file, "broke off: " + e.getMessage(), 0, body.bytesRead(), expected, e);
                return;
            } catch (RuntimeException e) {
                closeQuietly(answer);
                result.completeExceptionally(e);
                return;
            }
            result.complete(new Downloaded<>(file, value));
        }

        void refreshThenAttempt(StoredFile stale) {
            refreshed = true;
            CompletableFuture<? extends StoredFile> fresh;
            try {
                fresh = refresh.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            fresh.whenComplete((file, error) -> {
                if (error != null) {
                    result.completeExceptionally(Futures.unwrap(error));
                } else if (file == null || file.getUrl() == null) {
                    fail("Deck gave no signed URL for " + name, 0, -1, -1, null);
                } else {
                    attempt(file);
                }
            });
        }

        private void retryOrFail(StoredFile file, String what, int status, long read, long expected,
                Throwable cause) {
            String message = "The download of " + name + " (" + SignedUrls.withoutQuery(file.getUrl()) + ") " + what;
            if (!retryPolicy.canRetry(retries)) {
                fail(message + (retries > 0 ? " (gave up after " + retries + " retries)" : ""), status, read,
                        expected, cause);
                return;
            }
            long delay = retryPolicy.delayMs(retries, -1);
            retries++;
            try {
                scheduler.schedule(() -> attempt(file), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                fail(message + " (not tried again: the application is stopping)", status, read, expected, cause);
            }
        }

        private void fail(String message, int status, long read, long expected, Throwable cause) {
            result.completeExceptionally(new DeckDownloadException(message, name, status, read, expected, cause));
        }
    }

    /** The status and what an S3-like error body says ({@code <Code>}, {@code <Message>}), read from its start. */
    static String describeRefusal(FileResponse answer) {
        String text;
        try {
            text = new String(answer.body().readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        StringBuilder sb = new StringBuilder("HTTP ").append(answer.status());
        Matcher code = XML_CODE.matcher(text);
        if (code.find()) {
            sb.append(' ').append(code.group(1).trim());
        }
        Matcher message = XML_MESSAGE.matcher(text);
        if (message.find()) {
            sb.append(": ").append(message.group(1).trim());
        }
        return sb.toString();
    }

    private static void closeQuietly(FileResponse answer) {
        try {
            answer.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is dropped by the pool
        }
    }
}
