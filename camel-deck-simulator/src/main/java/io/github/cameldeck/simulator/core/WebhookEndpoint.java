package io.github.cameldeck.simulator.core;

import java.util.List;
import java.util.Map;

/**
 * Where and how to send one webhook attempt, taken under the simulator's lock just before the attempt so that the
 * HTTP call itself runs without it.
 *
 * @param secrets the secrets to sign with, current first
 */
public record WebhookEndpoint(String destinationId, String url, Map<String, String> customHeaders,
        List<String> secrets) {

    public WebhookEndpoint {
        customHeaders = Map.copyOf(customHeaders);
        secrets = List.copyOf(secrets);
    }
}
