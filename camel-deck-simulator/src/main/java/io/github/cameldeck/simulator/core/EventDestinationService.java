package io.github.cameldeck.simulator.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.EventDeliveryInfo;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.util.Timestamps;

/**
 * Event destinations: create, fetch, list, update, delete, secret rotation and delivery history, plus what the webhook
 * dispatcher needs (the endpoint of an attempt, the outcome of a delivery). Status changes record
 * {@code event_destination.activated} / {@code event_destination.deactivated}.
 */
public final class EventDestinationService {

    /** Attempts per delivery: the first one and up to 3 retries. */
    public static final int MAX_ATTEMPTS = 4;

    private final SimulatorEngine engine;

    public EventDestinationService(SimulatorEngine engine) {
        this.engine = engine;
    }

    /** True for an absolute http(s) URL with a host. */
    public static boolean isValidWebhookUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public EventDestinationInfo create(DestinationDraft draft) {
        String type = draft.type() == null ? "webhook" : draft.type();
        if (draft.name() == null || draft.name().isBlank()) {
            throw ApiException.inputMissing("name");
        }
        if (!DestinationTypes.isKnown(type)) {
            throw ApiException.inputInvalid("type", "`type` must be one of " + DestinationTypes.names() + ".");
        }
        List<String> events = checkEvents(draft.events() == null ? List.of("*") : draft.events());
        Map<String, String> config = new LinkedHashMap<>();
        for (String field : DestinationTypes.configFields(type)) {
            String value = draft.config().get(field);
            if (value != null) {
                config.put(field, value);
            }
        }
        WebhookSecrets secrets = null;
        Map<String, String> headers = Map.of();
        if (type.equals("webhook")) {
            String url = config.get("url");
            if (url == null || url.isBlank()) {
                throw ApiException.inputMissing("webhook.url");
            }
            if (!isValidWebhookUrl(url)) {
                throw ApiException.inputInvalid("webhook.url", "`webhook.url` must be an absolute http or https URL.");
            }
            headers = CustomHeaders.parse(draft.customHeaders());
            secrets = WebhookSecrets.of(draft.secret() == null
                    ? WebhookSecrets.generate()
                    : checkSecret(
                            draft.secret(), "webhook.secret"));
        }
        WebhookSecrets secret = secrets;
        Map<String, String> customHeaders = headers;
        return engine.call(now -> {
            DeckState state = engine.state();
            EventDestinationInfo destination = new EventDestinationInfo(state.newId("evtd_", now), draft.name(),
                    "active", type, events, config, now, now);
            state.destinations.add(destination, secret, customHeaders);
            return destination;
        });
    }

    public EventDestinationInfo get(String id) {
        return engine.call(now -> require(engine.state(), id));
    }

    public Page<EventDestinationInfo> list(PageRequest page) {
        return engine.call(now -> Pager.page(engine.state().destinations.store, page, d -> true, null, null, false,
                d -> d));
    }

    /** All destinations, newest first. */
    public List<EventDestinationInfo> all() {
        return engine.call(now -> engine.state().destinations.store.newestFirst());
    }

    /** Changes the given fields (null = unchanged); a status change records an event. */
    public EventDestinationInfo update(String id, String name, String status, List<String> events) {
        if (name != null && name.isBlank()) {
            throw ApiException.inputInvalid("name", "`name` cannot be empty.");
        }
        if (status != null && !status.equals("active") && !status.equals("inactive")) {
            throw ApiException.inputInvalid("status", "`status` must be active or inactive.");
        }
        List<String> newEvents = events == null ? null : checkEvents(events);
        return engine.call(now -> {
            DeckState state = engine.state();
            EventDestinationInfo current = require(state, id);
            EventDestinationInfo changed = current.with(name != null ? name : current.name(),
                    status != null ? status : current.status(), newEvents != null ? newEvents : current.events(), now);
            state.destinations.store.replace(changed);
            if (!changed.status().equals(current.status())) {
                statusChanged(state, changed, now);
            }
            return changed;
        });
    }

    public void delete(String id) {
        engine.call(now -> {
            require(engine.state(), id);
            engine.state().destinations.remove(id);
            return null;
        });
    }

    /**
     * Finished deliveries of a destination, newest first, filtered by status ({@code success}|{@code failure}, null =
     * any) and event types (exact or {@code prefix.*}; empty = any).
     */
    public Page<EventDeliveryInfo> deliveries(String id, PageRequest page, String status, Set<String> types) {
        if (status != null && !status.equals("success") && !status.equals("failure")) {
            throw ApiException.inputInvalid("status", "`status` must be success or failure.");
        }
        return engine.call(now -> {
            require(engine.state(), id);
            return Pager.page(engine.state().destinations.deliveries(id), page,
                    d -> d.isFinished() && (status == null || status.equals(d.status()))
                            && (types.isEmpty() || EventDestinations.subscribed(types, d.eventType())),
                    null, null, false, d -> d);
        });
    }

    /** All finished deliveries of a destination, newest first. */
    public List<EventDeliveryInfo> allDeliveries(String id) {
        return engine.call(now -> {
            require(engine.state(), id);
            List<EventDeliveryInfo> list = new ArrayList<>();
            for (EventDeliveryInfo d : engine.state().destinations.deliveries(id).newestFirst()) {
                if (d.isFinished()) {
                    list.add(d);
                }
            }
            return list;
        });
    }

    /** The current signing secret of a webhook destination. */
    public String secret(String id) {
        return engine.call(now -> requireSecrets(engine.state(), id).current());
    }

    /**
     * Makes {@code newSecret} (null = a generated one) the signing secret; the old one keeps signing alongside it for
     * 24 hours of simulated time. Returns the new secret.
     */
    public String rotateSecret(String id, String newSecret) {
        String next = newSecret == null ? WebhookSecrets.generate() : checkSecret(newSecret, "secret");
        return engine.call(now -> {
            DeckState state = engine.state();
            WebhookSecrets rotated = requireSecrets(state, id).rotate(next, now);
            state.destinations.secrets.put(id, rotated);
            return next;
        });
    }

    /** Starts (non-null) or stops (null) handing events to a webhook dispatcher. */
    public void attach(WebhookOutbox outbox) {
        engine.call(now -> {
            engine.state().destinations.outbox(outbox);
            return null;
        });
    }

    /** Where an attempt for the destination goes now, or null if the destination was deleted. */
    public WebhookEndpoint endpoint(String destinationId) {
        return engine.call(now -> {
            DeckState state = engine.state();
            EventDestinationInfo destination = state.destinations.store.get(destinationId);
            WebhookSecrets secrets = state.destinations.secrets.get(destinationId);
            if (destination == null || secrets == null) {
                return null;
            }
            return new WebhookEndpoint(destinationId, destination.url(),
                    state.destinations.customHeaders.get(destinationId), secrets.signingSecrets(now));
        });
    }

    /**
     * Records the outcome of a delivery. A failure after every attempt makes an active destination {@code inactive}
     * (recording {@code event_destination.deactivated}), as Deck does.
     */
    public void recordOutcome(DeliveryTicket ticket, boolean success, int attempts) {
        engine.call(now -> {
            DeckState state = engine.state();
            EventDestinationInfo destination = state.destinations.store.get(ticket.destinationId());
            if (destination == null) {
                return null;
            }
            OrderedStore<EventDeliveryInfo> history = state.destinations.deliveries(destination.id());
            EventDeliveryInfo delivery = history.get(ticket.deliveryId());
            if (delivery != null) {
                history.replace(delivery.finished(success, attempts, now));
            }
            if (!success && destination.isActive()) {
                EventDestinationInfo inactive = destination.with(destination.name(), "inactive",
                        destination.events(), now);
                state.destinations.store.replace(inactive);
                statusChanged(state, inactive, now);
            }
            return null;
        });
    }

    private static void statusChanged(DeckState state, EventDestinationInfo destination, Instant now) {
        ObjectNode data = Json.object();
        data.put("id", destination.id());
        data.put("object", "event_destination");
        data.put("name", destination.name());
        data.put("status", destination.status());
        data.put("type", destination.type());
        data.put("created_at", Timestamps.format(destination.createdAt()));
        data.put("updated_at", Timestamps.format(destination.updatedAt()));
        String type = destination.isActive() ? "event_destination.activated" : "event_destination.deactivated";
        state.events.append(type, new JsonEventPayload(data), now);
    }

    private static List<String> checkEvents(List<String> events) {
        if (events.isEmpty()) {
            throw ApiException.inputInvalid("events", "`events` must list at least one event type, or \"*\" for all.");
        }
        for (String event : events) {
            if (event == null || event.isBlank()) {
                throw ApiException.inputInvalid("events", "`events` must not contain empty event types.");
            }
        }
        return List.copyOf(events);
    }

    private static String checkSecret(String secret, String field) {
        if (!WebhookSecrets.isWellFormed(secret)) {
            throw ApiException.inputInvalid(field,
                    "`" + field + "` must be `whsec_` followed by a base64-encoded key.");
        }
        return secret;
    }

    private static EventDestinationInfo require(DeckState state, String id) {
        EventDestinationInfo destination = state.destinations.store.get(id);
        if (destination == null) {
            throw ApiException.notFound("request", "event_destination_not_found",
                    "No event destination with id " + id + " exists.");
        }
        return destination;
    }

    private static WebhookSecrets requireSecrets(DeckState state, String id) {
        EventDestinationInfo destination = require(state, id);
        WebhookSecrets secrets = state.destinations.secrets.get(id);
        if (secrets == null) {
            throw ApiException.inputInvalid("type",
                    "Event destination " + id + " is of type " + destination.type() + "; only webhooks have a secret.");
        }
        return secrets;
    }
}
