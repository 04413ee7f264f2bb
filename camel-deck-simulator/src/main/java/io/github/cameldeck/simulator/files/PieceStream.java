package io.github.cameldeck.simulator.files;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads {@link Pieces} as a stream. */
final class PieceStream extends InputStream {

    private final Pieces pieces;
    private ByteBuffer current = ByteBuffer.allocate(0);

    PieceStream(Pieces pieces) {
        this.pieces = pieces;
    }

    @Override
    public int read() {
        if (!advance()) {
            return -1;
        }
        return current.get() & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(target, offset, n);
        return n;
    }

    private boolean advance() {
        while (current != null && !current.hasRemaining()) {
            current = pieces.next();
        }
        return current != null;
    }
}
