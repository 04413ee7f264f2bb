package io.github.cameldeck.simulator.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A PNG: signature, {@code IHDR} and {@code IDAT} of a small grey gradient, then private ancillary {@code deCk} chunks
 * of random bytes up to the exact size, then {@code IEND}. The case of {@code deCk} marks it ancillary, private and
 * safe to copy, a chunk the PNG specification lets decoders skip. The image data is an uncompressed ("stored") deflate
 * block, so it is the same bytes on every JVM.
 */
final class PngImage {

    private static final int SIDE = 16;
    private static final int CHUNK_OVERHEAD = 12;
    private static final byte[] FILLER_TYPE = "deCk".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = head();
    private static final byte[] IEND = chunk("IEND", new byte[0]);

    private PngImage() {
    }

    /** Signature, image and end, plus one empty filler chunk (a size in between could not be padded). */
    static long minimumSize() {
        return HEAD.length + CHUNK_OVERHEAD + IEND.length;
    }

    static Pieces pieces(long size, SeededBytes random) {
        if (size < minimumSize()) {
            throw new IllegalArgumentException("A PNG needs at least " + minimumSize() + " bytes, not " + size);
        }
        return new Pieces() {
            private final byte[] chunk = new byte[CHUNK_OVERHEAD + BLOCK];
            private long fillerLeft = size - HEAD.length - IEND.length;
            private int stage;

            @Override
            public ByteBuffer next() {
                if (stage == 0) {
                    stage = 1;
                    return ByteBuffer.wrap(HEAD);
                }
                if (stage == 1 && fillerLeft > 0) {
                    int length = fillerDataLength(fillerLeft);
                    fillerLeft -= CHUNK_OVERHEAD + length;
                    return fillerChunk(length);
                }
                if (stage == 1) {
                    stage = 2;
                    return ByteBuffer.wrap(IEND);
                }
                return null;
            }

            private ByteBuffer fillerChunk(int length) {
                ByteBuffer out = ByteBuffer.wrap(chunk, 0, CHUNK_OVERHEAD + length);
                out.putInt(length).put(FILLER_TYPE);
                random.fill(chunk, 8, length);
                out.position(8 + length);
                out.putInt(crc(chunk, 4, 8 + length));
                return out.flip();
            }
        };
    }

    /**
     * Data length of the next filler chunk for {@code left} bytes to fill (at least one chunk's overhead): a full
     * block, unless that would leave a gap too small for another chunk.
     */
    static int fillerDataLength(long left) {
        long rest = left - CHUNK_OVERHEAD;
        if (rest <= Pieces.BLOCK) {
            return (int) rest;
        }
        long after = rest - Pieces.BLOCK;
        return after >= CHUNK_OVERHEAD ? Pieces.BLOCK : Pieces.BLOCK - CHUNK_OVERHEAD;
    }

    private static byte[] head() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(SIDE).putInt(SIDE).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IDAT", zlibStored(greyGradient())));
        return out.toByteArray();
    }

    /** Rows of 8-bit grey pixels, each preceded by filter type 0. */
    private static byte[] greyGradient() {
        byte[] raw = new byte[SIDE * (SIDE + 1)];
        int i = 0;
        for (int y = 0; y < SIDE; y++) {
            raw[i++] = 0;
            for (int x = 0; x < SIDE; x++) {
                raw[i++] = (byte) (96 + 4 * (x + y));
            }
        }
        return raw;
    }

    /** A zlib stream holding {@code data} in one stored deflate block (data shorter than 64 KiB). */
    private static byte[] zlibStored(byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(2 + 5 + data.length + 4);
        out.put((byte) 0x78).put((byte) 0x01);
        out.put((byte) 1); // final block, stored
        out.put((byte) data.length).put((byte) (data.length >>> 8));
        out.put((byte) ~data.length).put((byte) (~data.length >>> 8));
        out.put(data);
        Adler32 adler = new Adler32();
        adler.update(data);
        out.putInt((int) adler.getValue());
        return out.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(CHUNK_OVERHEAD + data.length);
        out.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        out.putInt(crc(out.array(), 4, 8 + data.length));
        return out.array();
    }

    private static int crc(byte[] bytes, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }
}
