package io.github.cameldeck.events;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.github.cameldeck.client.DecksClock;
import io.github.cameldeck.client.EventLogReader;
import io.github.cameldeck.model.DeckEvent;

/**
 * Reads Deck's event log from the events consumer's position and offers each event, oldest first within each page, to
 * the consumer: what was sent while the application was down, deliveries Deck gave up on, events whose exchange
 * failed. When every page was read the position moves to Deck's time of the read (held back by events still routed).
 */
final class EventsCatchUp {

    /**
     * In a cluster the leader's catch-up leaves the newest events to the webhooks: another instance may be routing one
     * it received, and that instance's idempotent repository entry is written only when its exchange completed.
     */
    static final Duration CLUSTER_SETTLE = Duration.ofSeconds(10);

    private final EventLogReader reader;
    private final EventPosition position;
    private final boolean clustered;
    private final DecksClock clock;

    /** @param clock Deck's time as this host tells it, set right by each read of the log */
    EventsCatchUp(EventLogReader reader, EventPosition position, boolean clustered, DecksClock clock) {
        this.reader = reader;
        this.position = position;
        this.clustered = clustered;
        this.clock = clock;
    }

    /**
     * Reads the log on the calling thread and offers each event to {@code emit}, which routes it (and answers whether it
     * did); stops early, without moving the position, when {@code running} turns false.
     *
     * @return how many events were emitted
     */
    int run(BooleanSupplier running, Predicate<DeckEvent> emit) {
        int[] emitted = new int[1];
        EventLogReader.Read read = reader.read(position.readFrom(), (page, serverTime) -> {
            clock.observe(serverTime);
            Instant settledBefore = readTime(serverTime).minus(CLUSTER_SETTLE);
            for (DeckEvent event : page) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                if (event.getId() != null && (!clustered || !createdAt(event).isAfter(settledBefore))
                        && emit.test(event)) {
                    emitted[0]++;
                }
            }
            return true;
        });
        if (read.complete()) {
            Instant readTime = readTime(read.serverTime());
            position.readUpTo(clustered ? readTime.minus(CLUSTER_SETTLE) : readTime);
        }
        return emitted[0];
    }

    /** Deck's time of the read, or this host's when Deck sent none. */
    private Instant readTime(Instant serverTime) {
        return serverTime != null ? serverTime : clock.instant();
    }

    /** The creation time of an event; one without is taken as created now. */
    Instant createdAt(DeckEvent event) {
        Instant at = event.createdAtInstant();
        return at != null ? at : clock.instant();
    }
}
