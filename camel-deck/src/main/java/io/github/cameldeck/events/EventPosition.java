package io.github.cameldeck.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.cameldeck.client.EventLogReader;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time from which the events consumer reads Deck's event log: every event created before it was handled. Events
 * that are being routed or whose exchange failed hold it back, so a crash or a failure never moves it past an event
 * that was not handled (less the event log reader's overlap); it is written to the optional StateRepository so the next
 * start reads only from there.
 */
final class EventPosition {

    private static final Logger LOG = LoggerFactory.getLogger(EventPosition.class);

    private final StateRepository<String, String> store;
    private final String key;
    private final Map<String, Instant> open = new HashMap<>();
    /** The open events whose exchange failed: the next catch-up offers them again. */
    private final Set<String> failed = new HashSet<>();
    private Instant readFrom;

    private EventPosition(StateRepository<String, String> store, String key, Instant readFrom) {
        this.store = store;
        this.key = key;
        this.readFrom = readFrom;
    }

    /** The stored position, or {@code fallback} when there is none (first start, no repository). */
    static EventPosition load(StateRepository<String, String> store, String key, Instant fallback) {
        Instant start = fallback;
        if (store != null) {
            String saved = store.getState(key);
            if (saved != null && !saved.isBlank()) {
                try {
                    start = Instant.parse(saved.trim());
                } catch (DateTimeParseException e) {
                    LOG.warn("The offsetRepository holds '{}' for {}, which is not a time; reading from {} instead",
                            saved, key, fallback);
                }
            }
        }
        return new EventPosition(store, key, start);
    }

    synchronized Instant readFrom() {
        return readFrom;
    }

    /** How many events are being routed (not failed), holding the position back. */
    synchronized int routing() {
        return open.size() - failed.size();
    }

    /** How many events failed and wait for the next catch-up, holding the position back. */
    synchronized int failed() {
        return failed.size();
    }

    /** The exchange of an open event failed: it stays open until a catch-up routes it again. */
    synchronized void failed(String eventId) {
        if (open.containsKey(eventId)) {
            failed.add(eventId);
        }
    }

    /** An event is being routed: the position stays before it until it is {@link #handled}. */
    synchronized void opened(String eventId, Instant createdAt) {
        open.put(eventId, createdAt);
        failed.remove(eventId);
    }

    synchronized void handled(String eventId) {
        open.remove(eventId);
        failed.remove(eventId);
    }

    /**
     * Every event the log held at {@code serverTime} was read; moves the position there, but not past an event still
     * routed or failed (it may move back for a failed event pushed late, older than the position).
     */
    synchronized void readUpTo(Instant serverTime) {
        Instant oldestOpen = open.values().stream().min(Instant::compareTo).orElse(null);
        Instant next = (oldestOpen != null && oldestOpen.isBefore(serverTime) ? oldestOpen : serverTime)
                .minus(EventLogReader.OVERLAP);
        if (next.isAfter(readFrom) || oldestOpen != null && next.isBefore(readFrom)) {
            readFrom = next;
        }
        save();
    }

    synchronized void save() {
        if (store != null) {
            store.setState(key, readFrom.toString());
        }
    }
}
