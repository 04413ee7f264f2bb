package io.github.cameldeck.simulator.core;

import java.util.List;
import java.util.Map;

/**
 * What creating an event destination asks for, before validation.
 *
 * @param events subscribed event types; null = all ({@code ["*"]})
 * @param config the type's config fields that were given (for {@code webhook}: {@code url})
 * @param customHeaders webhook only: a JSON-encoded object of header names to values, or null
 * @param secret webhook only: {@code whsec_…}, or null to generate one
 */
public record DestinationDraft(String name, String type, List<String> events, Map<String, String> config,
        String customHeaders, String secret) {

    public static DestinationDraft webhook(String name, String url, List<String> events, String secret) {
        return new DestinationDraft(name, "webhook", events, url == null ? Map.of() : Map.of("url", url), null,
                secret);
    }
}
