package io.github.cameldeck.model;

/** A file Deck stored for a run and serves behind a signed URL: a storage item or a screenshot. */
public interface StoredFile {

    String getFileName();

    /** The MIME type, e.g. {@code application/pdf}. */
    String getFileType();

    /** The size in bytes Deck reports; null when it does not. */
    Long getFileSize();

    /** The signed URL; null when the object was read without it (a run's storage summary). */
    String getUrl();
}
