package io.github.cameldeck.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldeck.model.DeckEvent;

/**
 * Reads Deck's event log ({@code GET /events}) for a set of event types, page by page: the one place that pages the
 * log. One page is in memory at a time; its events are handed over oldest first. Deck's clock at the first page (its
 * Date header) is remembered: every event created before it was in the read, so a reader that handled them all can
 * start its next read there (less {@link #OVERLAP}), and an idle read is one request for an empty page.
 */
public final class EventLogReader {

    /**
     * How far before the last position a reader starts again: Deck's timestamps have whole seconds and an event may be
     * written a little after one created later. Re-read events are skipped by their keys.
     */
    public static final Duration OVERLAP = Duration.ofSeconds(5);

    static final int PAGE_SIZE = 100;

    /** Takes a page of events, oldest first; answers false to stop the read there. */
    @FunctionalInterface
    public interface PageHandler {
        /**
         * @param events     the page's events, oldest first
         * @param serverTime Deck's clock at the read's first page, or null
         */
        boolean accept(List<DeckEvent> events, Instant serverTime);
    }

    /**
     * What a read saw.
     *
     * @param serverTime Deck's clock at the first page, or null when Deck sent no Date header
     * @param newest     the creation time of the newest event read, or null when there was none
     * @param complete   whether every page was read (false when the handler stopped the read)
     */
    public record Read(Instant serverTime, Instant newest, boolean complete) {
    }

    private final DeckClient client;
    private final List<String> types;

    /**
     * @param types the event types to read; empty for every type
     */
    public EventLogReader(DeckClient client, List<String> types) {
        this.client = client;
        this.types = List.copyOf(types);
    }

    /** Reads every event created after {@code from}, waiting for each page on the calling thread. */
    public Read read(Instant from, PageHandler handler) {
        String cursor = null;
        Instant serverTime = null;
        Instant newest = null;
        boolean first = true;
        do {
            Page<DeckEvent> page = Futures.await(client.listEvents(types, from, PAGE_SIZE, cursor));
            if (first) {
                serverTime = page.serverTime();
                first = false;
            }
            List<DeckEvent> events = new ArrayList<>(page.data());
            events.sort(DeckEvent.OLDEST_FIRST);
            for (DeckEvent event : events) {
                Instant at = event.createdAtInstant();
                if (at != null && (newest == null || at.isAfter(newest))) {
                    newest = at;
                }
            }
            if (!handler.accept(events, serverTime)) {
                return new Read(serverTime, newest, false);
            }
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        return new Read(serverTime, newest, true);
    }
}
