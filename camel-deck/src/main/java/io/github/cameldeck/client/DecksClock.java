package io.github.cameldeck.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Deck's time as this host can tell it: this host's clock moved by the difference Deck's last answer showed (its Date
 * header, to the second). Before any answer, this host's clock. Checks that compare this host's time with times Deck
 * set (a webhook's timestamp) read this clock, so a host whose clock is minutes off does not refuse what Deck sends.
 */
public final class DecksClock extends Clock {

    private final Clock host;
    private volatile long offsetMillis;

    public DecksClock(Clock host) {
        this.host = host;
    }

    /** Deck answered at {@code decksTime} (null: it did not say); the offset follows it. */
    public void observe(Instant decksTime) {
        if (decksTime != null) {
            offsetMillis = decksTime.toEpochMilli() - host.millis();
        }
    }

    /** How far Deck's clock is ahead of this host's (negative: behind), in milliseconds, as last observed. */
    public long offsetMillis() {
        return offsetMillis;
    }

    @Override
    public Instant instant() {
        return host.instant().plusMillis(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return host.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DecksClock clock = new DecksClock(host.withZone(zone));
        clock.offsetMillis = offsetMillis;
        return clock;
    }
}
