package io.github.cameldeck.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The open answer of a storage host to the GET of a signed file URL: its status and headers, and the body to read.
 * Closing it releases the connection (an unread rest of the body is discarded).
 *
 * @param contentLength the {@code Content-Length} the host sent; -1 when it sent none
 */
public record FileResponse(int status, String contentType, long contentLength, String contentDisposition,
        InputStream body, Closeable connection) implements Closeable {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public void close() throws IOException {
        try {
            body.close();
        } finally {
            connection.close();
        }
    }
}
