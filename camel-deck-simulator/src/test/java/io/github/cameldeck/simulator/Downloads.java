package io.github.cameldeck.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Downloads from the file host over real HTTP, streaming bodies into a SHA-256 digest (nothing is kept). */
final class Downloads {

    /**
     * @param bytes body bytes received
     * @param sha256 hex digest of the received bytes
     * @param text the body as text when the answer is not 200 (XML errors), else null
     * @param cut true if the connection ended before the announced {@code Content-Length}
     */
    record Download(int status, HttpHeaders headers, long bytes, String sha256, String text, boolean cut) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        long contentLength() {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Download get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build());
    }

    Download get(String url, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header(headerName,
                headerValue).GET().build());
    }

    Download head(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private Download send(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new Download(response.statusCode(), response.headers(), text.length(), null, text, false);
            }
            MessageDigest digest = sha256();
            byte[] block = new byte[64 * 1024];
            long count = 0;
            boolean cut = false;
            try {
                for (int n; (n = body.read(block)) > 0;) {
                    digest.update(block, 0, n);
                    count += n;
                }
            } catch (IOException e) {
                cut = true;
            }
            return new Download(200, response.headers(), count, HexFormat.of().formatHex(digest.digest()), null,
                    cut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of the whole stream, read in blocks. */
    static String sha256(InputStream in) {
        MessageDigest digest = sha256();
        byte[] block = new byte[64 * 1024];
        try (in) {
            for (int n; (n = in.read(block)) > 0;) {
                digest.update(block, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
