package io.github.cameldeck.simulator.http;

import java.time.Instant;
import java.util.regex.Pattern;

import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.PageRequest;
import io.github.cameldeck.simulator.paging.Cursor;
import io.github.cameldeck.simulator.paging.CursorCodec;
import io.github.cameldeck.simulator.paging.QueryFingerprint;
import io.github.cameldeck.simulator.util.Timestamps;

/** Reads {@code limit}, {@code cursor}, {@code starting_after}, {@code ending_before} and date filters. */
final class Paging {

    private static final Pattern INTEGER = Pattern.compile("^-?(?:0|[1-9]\\d*)$");

    private Paging() {
    }

    /**
     * @param endpoint names the list so cursors cannot cross endpoints
     * @throws ApiException 400 {@code input_invalid} (limit) or {@code cursor_invalid}
     */
    static PageRequest from(ApiRequest request, String endpoint) {
        QueryParams query = request.query();
        int limit = PageRequest.DEFAULT_LIMIT;
        String rawLimit = query.first("limit");
        if (query.asMap().containsKey("limit")) {
            if (rawLimit == null || !INTEGER.matcher(rawLimit).matches() || rawLimit.length() > 4
                    || Integer.parseInt(rawLimit) < 1 || Integer.parseInt(rawLimit) > PageRequest.MAX_LIMIT) {
                throw ApiException.inputInvalid("limit",
                        "`limit` must be an integer between 1 and " + PageRequest.MAX_LIMIT + ".");
            }
            limit = Integer.parseInt(rawLimit);
        }
        String fingerprint = QueryFingerprint.of(endpoint, query.asMap());
        Cursor cursor = null;
        String rawCursor = query.first("cursor");
        if (rawCursor != null) {
            cursor = CursorCodec.decode(rawCursor).orElseThrow(() -> ApiException.cursorInvalid("cursor"));
        }
        return new PageRequest(limit, cursor, query.first("starting_after"), query.first("ending_before"),
                fingerprint);
    }

    /** An optional date-time query parameter. */
    static Instant instant(ApiRequest request, String name) {
        String raw = request.query().first(name);
        if (raw == null) {
            return null;
        }
        return Timestamps.parse(raw).orElseThrow(() -> ApiException.inputInvalid(name,
                "`" + name + "` must be an ISO 8601 date-time such as 2026-03-10T14:05:00Z."));
    }
}
