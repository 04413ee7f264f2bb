package io.github.cameldeck.simulator.files;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldeck.simulator.DownloadFaults;
import io.github.cameldeck.simulator.DownloadStats;
import io.github.cameldeck.simulator.SimulatorClock;

/**
 * The file host, standing for Deck's storage bucket: serves files behind the URLs of {@link SignedUrls}, without API
 * key or rate limit. Checks, in order: method (GET or HEAD, else 405), no {@code Authorization} header (else 400, as
 * S3 refuses a second auth mechanism on a pre-signed URL), a file path (else 404), the signature (else 403
 * {@code SignatureDoesNotMatch}), the expiry on the simulator clock (else 403 {@code AccessDenied}), the file (else 404
 * {@code NoSuchKey}); then, for GET, the download faults; then the file.
 */
public final class FileHostHandler implements HttpHandler {

    private final SimulatorFiles files;
    private final UrlSigner signer;
    private final SimulatorClock clock;
    private final DownloadFaults faults;
    private final DownloadStats stats;
    private final FileSender sender;

    public FileHostHandler(SimulatorFiles files, UrlSigner signer, SimulatorClock clock, DownloadFaults faults,
            DownloadStats stats) {
        this.files = files;
        this.signer = signer;
        this.clock = clock;
        this.faults = faults;
        this.stats = stats;
        this.sender = new FileSender(stats);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RuntimeException e) {
            System.err.println("deck-simulator: file host failed: " + e);
            throw e;
        } finally {
            // after a cut body this drops the connection: the JDK server cannot finish the announced length
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        stats.recordRequest();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            StorageErrors.methodNotAllowed(exchange);
            return;
        }
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            stats.recordAuthorizationRefused();
            StorageErrors.authorizationHeader(exchange);
            return;
        }
        FileAddress address = FileAddress.parse(exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery());
        if (address == null) {
            stats.recordNotFound();
            StorageErrors.notFound(exchange);
            return;
        }
        if (address.expires() == null || !signer.verifies(address.key(), address.expires(), address.signature())) {
            stats.recordBadSignature();
            StorageErrors.badSignature(exchange);
            return;
        }
        Instant now = clock.now();
        if (now.getEpochSecond() >= address.expires()) {
            stats.recordExpired();
            StorageErrors.expired(exchange, address.expires(), now);
            return;
        }
        HostedFile file = files.find(address);
        if (file == null) {
            stats.recordNotFound();
            StorageErrors.notFound(exchange);
            return;
        }
        if (method.equals("HEAD")) {
            sender.head(exchange, file);
            return;
        }
        int serverError = faults.nextServerError();
        if (serverError != 0) {
            stats.recordFault();
            StorageErrors.serverError(exchange, serverError);
            return;
        }
        long cutAfter = faults.truncationPoint(file.size());
        long bytesPerSecond = faults.throttle();
        if (cutAfter >= 0 || bytesPerSecond > 0) {
            stats.recordFault();
        }
        sender.send(exchange, file, cutAfter, bytesPerSecond);
    }
}
