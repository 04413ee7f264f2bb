package io.github.cameldeck;

/**
 * A file Deck stored (a storage item, a screenshot) could not be downloaded from its signed URL: the storage host
 * refused it, failed, or sent fewer bytes than the file has. The message names the file and the host's path, never the
 * signed URL's query string (its signature).
 */
public class DeckDownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int httpResponseCode;
    private final long bytesRead;
    private final long expectedBytes;

    /**
     * @param file             the storage id, or the screenshot's file name
     * @param httpResponseCode the storage host's answer; 0 when none came or the body broke off
     * @param bytesRead        the bytes read before the body broke off; -1 when no body was read
     * @param expectedBytes    the file's size as announced; -1 when unknown
     */
    public DeckDownloadException(String message, String file, int httpResponseCode, long bytesRead,
            long expectedBytes, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.httpResponseCode = httpResponseCode;
        this.bytesRead = bytesRead;
        this.expectedBytes = expectedBytes;
    }

    /** The storage id, or the screenshot's file name. */
    public String getFile() {
        return file;
    }

    /** The storage host's HTTP status; 0 when no answer came or the body broke off. */
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    /** The bytes read before the body broke off; -1 when no body was read. */
    public long getBytesRead() {
        return bytesRead;
    }

    /** The file's size as announced (Content-Length, else Deck's file_size); -1 when unknown. */
    public long getExpectedBytes() {
        return expectedBytes;
    }
}
