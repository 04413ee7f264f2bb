package io.github.cameldeck.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckEventsConfiguration;
import io.github.cameldeck.support.BaseUrlCheck;
import io.github.cameldeck.support.OptionValues;
import io.github.cameldeck.webhook.StandardWebhookVerifier;

/**
 * The checked options of an events consumer: a wrong value fails the route at start with a message naming it, before
 * any call to Deck; a secret is named, never shown.
 *
 * @param types    the event types to emit; empty for every type
 * @param secrets  the webhook signing secrets, newest first
 * @param tolerance how far a delivery's timestamp may be from Deck's time as this host tells it
 */
record EventsSettings(List<String> types, List<String> secrets, Duration tolerance) {

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");

    /** Checks the options; the webhook secret falls back to the DECK_WEBHOOK_SECRET environment variable. */
    static EventsSettings of(DeckConfiguration configuration, DeckEventsConfiguration events) {
        List<String> types = types(events.getTypes());
        if (configuration.getWebhookSecret() == null || configuration.getWebhookSecret().isBlank()) {
            configuration.setWebhookSecret(System.getenv("DECK_WEBHOOK_SECRET"));
        }
        List<String> secrets = secrets(configuration.getWebhookSecret());
        checkPath(events.getWebhookPath());
        if (events.getCatchUpInterval() < 0) {
            throw new IllegalArgumentException("The catchUpInterval option must not be negative");
        }
        if (events.getSignatureTolerance() <= 0) {
            throw new IllegalArgumentException("The signatureTolerance option must be positive");
        }
        if (events.getConcurrentConsumers() < 1) {
            throw new IllegalArgumentException("The concurrentConsumers option must be at least 1");
        }
        if (events.getMaxPendingEvents() < 1) {
            throw new IllegalArgumentException("The maxPendingEvents option must be at least 1");
        }
        Duration tolerance = Duration.ofMillis(events.getSignatureTolerance());
        // the secrets are checked now, before the route starts
        verifier(secrets, tolerance, Clock.systemUTC());
        if (events.isAutoRegister()) {
            checkPublicUrl(events.getPublicUrl(), configuration.isAllowInsecure());
            if (events.getDestinationName() == null || events.getDestinationName().isBlank()) {
                throw new IllegalArgumentException("The destinationName option must not be empty with autoRegister");
            }
        }
        return new EventsSettings(types, secrets, tolerance);
    }

    /** Verifies deliveries with the secrets and the tolerance, their timestamps compared with {@code clock}. */
    StandardWebhookVerifier verifier(Clock clock) {
        return verifier(secrets, tolerance, clock);
    }

    /** The event types to emit, or an empty list for every type ({@code *} or nothing). */
    private static List<String> types(String value) {
        List<String> types = OptionValues.splitList(value);
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

    private static List<String> secrets(String value) {
        List<String> secrets = OptionValues.splitList(value);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "deck:events needs the webhookSecret option (the whsec_ signing secret of "
                            + "Deck's event destination; on the endpoint, the deck component or the "
                            + "DECK_WEBHOOK_SECRET environment variable): every delivery is verified");
        }
        return secrets;
    }

    private static StandardWebhookVerifier verifier(List<String> secrets, Duration tolerance, Clock clock) {
        try {
            return new StandardWebhookVerifier(secrets, tolerance, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhookSecret option: " + e.getMessage());
        }
    }

    private static void checkPath(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("The webhookPath option must be a path starting with /, was: " + path);
        }
    }

    private static void checkPublicUrl(String url, boolean allowInsecure) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("autoRegister needs the publicUrl option: the URL at which Deck reaches "
                    + "this application's webhookPath");
        }
        BaseUrlCheck.check("publicUrl", url, allowInsecure, "Deck's events would travel in clear text");
    }

    /** Whether the consumer emits events of this type. */
    boolean isWanted(String type) {
        return types.isEmpty() || types.contains(type);
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "EventsSettings[types=" + types + ", secrets=" + secrets.size() + "]";
    }
}
