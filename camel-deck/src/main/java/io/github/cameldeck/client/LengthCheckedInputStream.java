package io.github.cameldeck.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes of a download and fails at its end when there were fewer than the file has: a body that ends
 * early is an error, never a silently short file.
 */
final class LengthCheckedInputStream extends FilterInputStream {

    private final long expected;
    private final LongConsumer onEnd;
    private long read;
    private boolean ended;

    /** @param expected the bytes the body must have; -1 when unknown (nothing is checked) */
    LengthCheckedInputStream(InputStream in, long expected) {
        this(in, expected, bytes -> {
        });
    }

    /**
     * @param expected the bytes the body must have; -1 when unknown (nothing is checked)
     * @param onEnd    told the bytes read, once: at the body's end or when the stream is closed before it
     */
    LengthCheckedInputStream(InputStream in, long expected, LongConsumer onEnd) {
        super(in);
        this.expected = expected;
        this.onEnd = onEnd;
    }

    long bytesRead() {
        return read;
    }

    long expected() {
        return expected;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            checkComplete();
        } else {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            checkComplete();
        } else {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        read += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        end();
        super.close();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void checkComplete() throws IOException {
        end();
        if (expected >= 0 && read < expected) {
            throw new ShortBodyException(read, expected);
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.accept(read);
        }
    }

    /** The body ended before the file did. */
    static final class ShortBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        ShortBodyException(long read, long expected) {
            super("the body ended after " + read + " of " + expected + " bytes");
        }
    }
}
