package io.github.cameldeck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.EventPage;
import io.github.cameldeck.model.DeckEvent;

/**
 * Reads Deck's event log for the watched {@code task_run.*} types: every time a run enters a status, Deck records an
 * immutable event, so a run that completes long after it was created is seen as soon as it completes, at the cost of one
 * request per poll when nothing happened. The watermark is the event time read up to, less an overlap that covers
 * whole-second timestamps and late writes (re-read events are skipped by their keys).
 */
final class TaskRunEventFeed {

    static final Duration OVERLAP = Duration.ofSeconds(5);

    private final DeckClient client;
    private final List<String> types;
    private final int pageSize;
    private Instant readFrom;
    private Instant lastReadServerTime;

    TaskRunEventFeed(DeckClient client, List<String> statuses, Instant readFrom, int pageSize) {
        this.client = client;
        this.types = WatchedStatuses.eventTypes(statuses);
        this.readFrom = readFrom;
        this.pageSize = pageSize;
    }

    /** What one read found: the wanted events, oldest first, and the time of the newest event read. */
    record Read(List<DeckEvent> wanted, Instant newest) {
    }

    /**
     * Every event since the watermark that {@code wanted} accepts, oldest first; the others (already emitted, filtered
     * out) are dropped page by page, so a read after a burst holds only what is still to do. Deck's clock at the first
     * page (its Date header) is remembered: every event older than that was in this read, so the next one can start
     * there (less the overlap) even when nothing happened, and an idle poll reads an empty page.
     */
    Read read(Predicate<DeckEvent> wanted) {
        List<DeckEvent> events = new ArrayList<>();
        String cursor = null;
        Instant serverTime = null;
        Instant newest = null;
        do {
            EventPage page = Futures.await(client.listEvents(types, readFrom, pageSize, cursor));
            if (serverTime == null) {
                serverTime = page.serverTime();
            }
            for (DeckEvent event : page.data()) {
                if (event.getCreatedAt() != null) {
                    Instant at = event.getCreatedAt().toInstant();
                    newest = newest == null || at.isAfter(newest) ? at : newest;
                }
                if (wanted.test(event)) {
                    events.add(event);
                }
            }
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        lastReadServerTime = serverTime;
        events.sort(Comparator
                .comparing((DeckEvent e) -> e.getCreatedAt() != null ? e.getCreatedAt().toInstant() : Instant.MIN)
                .thenComparing(e -> e.getId() != null ? e.getId() : ""));
        return new Read(events, newest);
    }

    /** Moves the watermark to the time of the newest event handled (never backwards). */
    void handledUpTo(Instant eventTime) {
        Instant next = eventTime.minus(OVERLAP);
        if (next.isAfter(readFrom)) {
            readFrom = next;
        }
    }

    /** After every event of the last read was handled: the next read starts at Deck's time of that read. */
    void handledAll() {
        if (lastReadServerTime != null) {
            handledUpTo(lastReadServerTime);
        }
    }

    Instant readFrom() {
        return readFrom;
    }
}
