package io.github.cameldeck.examples.cluster;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file a node appends lines to. Each line goes to the operating system as it is written (a
 * {@link FileOutputStream}, no buffer in the JVM), so a {@code kill -9} right after loses nothing already written; the
 * page cache is the kernel's, which outlives the process. No fsync: surviving a power cut is not the point here.
 */
public final class LineLog implements AutoCloseable {

    private final Path file;
    private final FileOutputStream out;

    public LineLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
    }

    /** Appends {@code line} and a line feed in one write. */
    public synchronized void append(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + file, e);
        }
    }
}
