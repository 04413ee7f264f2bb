package io.github.cameldeck.simulator.files;

import java.io.InputStream;

/**
 * The bytes of a simulated file, generated on demand from its key (a storage id, or run id and screenshot number), so
 * the same file has the same bytes every time: {@code application/pdf} is a one-page PDF, {@code text/csv} a
 * transactions table, {@code image/png} a small image; any other type is random bytes. Each is exactly the requested
 * size and generated in blocks of 64 KiB, so sizes beyond a gigabyte cost no memory.
 */
public final class FileContents {

    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv";
    public static final String PNG = "image/png";

    private FileContents() {
    }

    /** The smallest size a file of this type and name can have. */
    public static long minimumSize(String fileType, String fileName) {
        switch (fileType) {
            case PDF :
                return PdfDocument.minimumSize(fileName);
            case CSV :
                return CsvTable.minimumSize();
            case PNG :
                return PngImage.minimumSize();
            default :
                return 0;
        }
    }

    /**
     * A stream of the file's bytes.
     *
     * @param key what the content is derived from; files with the same key, type, name and size have the same bytes
     * @throws IllegalArgumentException if {@code size} is below {@link #minimumSize}
     */
    public static InputStream open(String key, String fileType, String fileName, long size) {
        SeededBytes random = SeededBytes.forKey(key);
        switch (fileType) {
            case PDF :
                return new PieceStream(PdfDocument.pieces(fileName, size, random));
            case CSV :
                return new PieceStream(CsvTable.pieces(size, random));
            case PNG :
                return new PieceStream(PngImage.pieces(size, random));
            default :
                if (size < 0) {
                    throw new IllegalArgumentException("negative size " + size);
                }
                return new PieceStream(new FramedPieces(new byte[0], size, random, new byte[0]));
        }
    }
}
