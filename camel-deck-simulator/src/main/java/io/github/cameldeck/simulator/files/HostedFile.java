package io.github.cameldeck.simulator.files;

import java.io.InputStream;
import java.time.Instant;

import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.StorageItem;

/**
 * A file the file host serves.
 *
 * @param key what the URL signs and the content derives from: the storage id, or {@code <run id>/<screenshot number>}
 */
public record HostedFile(String key, String fileName, String fileType, long size, Instant createdAt) {

    public static HostedFile of(StorageItem item) {
        return new HostedFile(item.id(), item.fileName(), item.fileType(), item.fileSize(), item.createdAt());
    }

    public static HostedFile of(String runId, Screenshot screenshot) {
        return new HostedFile(screenshotKey(runId, screenshot.sequence()), screenshot.fileName(),
                Screenshot.FILE_TYPE, screenshot.fileSize(), screenshot.createdAt());
    }

    public static String screenshotKey(String runId, int sequence) {
        return runId + "/" + sequence;
    }

    /** A fresh stream of the file's bytes, the same bytes every time. */
    public InputStream open() {
        return FileContents.open(key, fileType, fileName, size);
    }
}
