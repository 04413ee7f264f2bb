package io.github.cameldeck.client;

import javax.net.ssl.SSLContext;

/**
 * How the shared HTTP client connects: pool sizes, connect timeout, proxy and TLS.
 */
public record TransportOptions(int maxTotalConnections, int connectionsPerRoute, long connectTimeoutMs,
        String proxyHost,
        Integer proxyPort, SSLContext sslContext) {
}
