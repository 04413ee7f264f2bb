package io.github.cameldeck.simulator.paging;

import java.time.Instant;

/**
 * A decoded list cursor: either a keyset position (creation time at full precision plus id of the last item served)
 * or, when the offset-cursor fault is on, a plain offset. {@code fingerprint} identifies the endpoint and filter set
 * the cursor was issued for.
 */
public record Cursor(Instant createdAt, String id, Integer offset, String fingerprint) {

    public static Cursor keyset(Instant createdAt, String id, String fingerprint) {
        return new Cursor(createdAt, id, null, fingerprint);
    }

    public static Cursor offset(int offset, String fingerprint) {
        return new Cursor(null, null, offset, fingerprint);
    }

    public boolean isOffset() {
        return offset != null;
    }
}
