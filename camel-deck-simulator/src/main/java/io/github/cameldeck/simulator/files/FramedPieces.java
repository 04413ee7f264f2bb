package io.github.cameldeck.simulator.files;

import java.nio.ByteBuffer;

/** Fixed leading bytes, then random filler of a given length in blocks, then fixed trailing bytes. */
final class FramedPieces implements Pieces {

    private final byte[] head;
    private final byte[] tail;
    private final SeededBytes random;
    private final byte[] block;
    private long fillerLeft;
    private int stage;

    FramedPieces(byte[] head, long fillerLength, SeededBytes random, byte[] tail) {
        if (fillerLength < 0) {
            throw new IllegalArgumentException("negative filler length " + fillerLength);
        }
        this.head = head;
        this.tail = tail;
        this.random = random;
        this.fillerLeft = fillerLength;
        this.block = new byte[(int) Math.min(BLOCK, Math.max(fillerLength, 1))];
    }

    @Override
    public ByteBuffer next() {
        switch (stage) {
            case 0 :
                stage = 1;
                return ByteBuffer.wrap(head);
            case 1 :
                if (fillerLeft > 0) {
                    int n = (int) Math.min(block.length, fillerLeft);
                    random.fill(block, 0, n);
                    fillerLeft -= n;
                    return ByteBuffer.wrap(block, 0, n);
                }
                stage = 2;
                return ByteBuffer.wrap(tail);
            default :
                return null;
        }
    }
}
