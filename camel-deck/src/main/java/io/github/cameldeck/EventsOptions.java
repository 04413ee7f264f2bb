package io.github.cameldeck;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.github.cameldeck.webhook.StandardWebhookVerifier;

/**
 * Checks the options of the events consumer, so a wrong value fails the route at start with a message naming it.
 */
final class EventsOptions {

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");

    private EventsOptions() {
    }

    /** The event types to emit, or an empty list for every type ({@code *} or nothing). */
    static List<String> types(String value) {
        List<String> types = DeckEndpoint.splitList(value);
        if (types.contains("*")) {
            if (types.size() > 1) {
                throw new IllegalArgumentException(
                        "The types option: * (every type) cannot be combined with other types");
            }
            return List.of();
        }
        for (String type : types) {
            if (!EVENT_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("The types option has an invalid event type '" + type
                        + "'; event types look like task_run.completed (or * for every type)");
            }
        }
        return types;
    }

    static List<String> secrets(String value) {
        List<String> secrets = DeckEndpoint.splitList(value);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "deck:events needs the webhookSecret option (the whsec_ signing secret of "
                            + "Deck's event destination; on the endpoint, the deck component or the "
                            + "DECK_WEBHOOK_SECRET environment variable): every delivery is verified");
        }
        return secrets;
    }

    /** The verifier of the consumer's deliveries; a secret that is not a whsec_ secret is named, never shown. */
    static StandardWebhookVerifier verifier(List<String> secrets, long toleranceMillis) {
        try {
            return new StandardWebhookVerifier(secrets, Duration.ofMillis(toleranceMillis), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhookSecret option: " + e.getMessage());
        }
    }

    static void checkPath(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("The webhookPath option must be a path starting with /, was: " + path);
        }
    }

    static void checkPublicUrl(String url, boolean allowInsecure) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("autoRegister needs the publicUrl option: the URL at which Deck reaches "
                    + "this application's webhookPath");
        }
        BaseUrlCheck.check("publicUrl", url, allowInsecure, "Deck's events would travel in clear text");
    }
}
