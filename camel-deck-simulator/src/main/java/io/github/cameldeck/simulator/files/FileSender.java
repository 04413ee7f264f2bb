package io.github.cameldeck.simulator.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.cameldeck.simulator.DownloadStats;

/**
 * Answers 200 with a file: its headers, then (for GET) its bytes in 64 KiB blocks straight from the generator, so a
 * file of any size costs one block of memory. Can stop after some bytes or hold a byte rate, as faults ask.
 */
final class FileSender {

    private static final int BLOCK = 64 * 1024;

    private final DownloadStats stats;

    FileSender(DownloadStats stats) {
        this.stats = stats;
    }

    private static void headers(HttpExchange exchange, HostedFile file) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", file.fileType());
        headers.set("Content-Disposition", ContentDisposition.attachment(file.fileName()));
        headers.set("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(file.createdAt().atOffset(ZoneOffset.UTC)));
    }

    /** The headers with {@code Content-Length}, no body. */
    void head(HttpExchange exchange, HostedFile file) throws IOException {
        headers(exchange, file);
        // the JDK server leaves the length of a HEAD answer to the handler
        exchange.getResponseHeaders().set("Content-Length", Long.toString(file.size()));
        exchange.sendResponseHeaders(200, -1);
    }

    /**
     * Sends the file.
     *
     * @param cutAfter bytes to send before giving up mid-body, or -1 for all
     * @param bytesPerSecond the most bytes per second to send, or 0 for full speed
     */
    void send(HttpExchange exchange, HostedFile file, long cutAfter, long bytesPerSecond) throws IOException {
        headers(exchange, file);
        exchange.sendResponseHeaders(200, file.size());
        stats.recordStarted();
        long limit = cutAfter < 0 ? file.size() : Math.min(cutAfter, file.size());
        long started = System.nanoTime();
        long sent = 0;
        byte[] block = new byte[BLOCK];
        OutputStream out = exchange.getResponseBody();
        try (InputStream in = file.open()) {
            while (sent < limit) {
                int n = in.readNBytes(block, 0, (int) Math.min(block.length, limit - sent));
                if (n <= 0) {
                    break;
                }
                if (bytesPerSecond > 0) {
                    pace(started, sent + n, bytesPerSecond);
                }
                write(out, block, n, sent + n == file.size());
                sent += n;
            }
        }
        out.flush();
        if (sent == file.size()) {
            out.close();
        } // else the body stream stays open: closing the exchange then drops the connection
    }

    /**
     * Writes a block, counting it first: a client that has read the last byte must find the download counted. A
     * failed write takes its count back.
     */
    private void write(OutputStream out, byte[] block, int length, boolean last) throws IOException {
        stats.recordBytes(length);
        if (last) {
            stats.recordCompleted();
        }
        try {
            out.write(block, 0, length);
        } catch (IOException e) {
            stats.recordBytes(-length);
            if (last) {
                stats.retractCompleted();
            }
            throw e;
        }
    }

    /** Waits until sending {@code total} bytes since {@code started} keeps within the rate. */
    private static void pace(long started, long total, long bytesPerSecond) throws IOException {
        long due = started + (long) (total * 1e9 / bytesPerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while pacing a slow download", e);
            }
        }
    }
}
