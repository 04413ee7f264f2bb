package io.github.cameldeck.simulator.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.StorageItem;

/**
 * Renders download URLs on the file host, each time a new one that expires {@code ttl} after the simulator clock's
 * now: {@code <base>/files/<storage id>/<file name>?expires=<epoch s>&signature=<hex>} and
 * {@code <base>/screenshots/<run id>/<number>.png?expires=…&signature=…}.
 */
public final class SignedUrls {

    private final String baseUrl;
    private final UrlSigner signer;
    private final SimulatorClock clock;
    private final Duration ttl;

    /** @param baseUrl the file host's {@code http://127.0.0.1:<port>} */
    public SignedUrls(String baseUrl, UrlSigner signer, SimulatorClock clock, Duration ttl) {
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String storage(StorageItem item) {
        return baseUrl + "/files/" + item.id() + "/" + pathSegment(item.fileName()) + query(item.id());
    }

    public String screenshot(String runId, Screenshot screenshot) {
        return baseUrl + "/screenshots/" + runId + "/" + screenshot.sequence() + ".png"
                + query(HostedFile.screenshotKey(runId, screenshot.sequence()));
    }

    private String query(String key) {
        long expires = clock.now().plus(ttl).getEpochSecond();
        return "?expires=" + expires + "&signature=" + signer.sign(key, expires);
    }

    /** Percent-encodes a file name for a URL path ({@code URLEncoder} writes spaces as {@code +}, a path needs %20). */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
