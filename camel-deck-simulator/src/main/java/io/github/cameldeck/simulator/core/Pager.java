package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cameldeck.simulator.paging.Cursor;
import io.github.cameldeck.simulator.paging.CursorCodec;

/** Applies a {@link PageRequest} to an {@link OrderedStore}: newest first, keyset (or offset) cursors. */
public final class Pager {

    private Pager() {
    }

    /**
     * One page of matching items mapped with {@code view}.
     *
     * @param offsetCursors issue offset cursors instead of keyset ones (a fault); received cursors of either kind
     *        are honoured
     * @throws ApiException {@code request/cursor_invalid} for a cursor issued for other filters or an unknown
     *         {@code starting_after}/{@code ending_before} id
     */
    public static <T, V> Page<V> page(OrderedStore<T> store, PageRequest request, Predicate<? super T> filter,
            Instant createdAfter, Instant createdBefore, boolean offsetCursors, Function<T, V> view) {
        Cursor cursor = request.cursor();
        Slice<Map.Entry<SortKey, T>> slice;
        int offset = 0;
        boolean offsetNext = false;
        boolean olderFollow = true;
        if (cursor != null) {
            if (!cursor.fingerprint().equals(request.fingerprint())) {
                throw ApiException.cursorInvalid("cursor");
            }
            if (cursor.isOffset()) {
                offset = cursor.offset();
                offsetNext = true;
                slice = store.page(filter, request.limit(), null, offset, createdAfter, createdBefore);
            } else {
                slice = store.page(filter, request.limit(), new SortKey(cursor.createdAt(), cursor.id()), 0,
                        createdAfter, createdBefore);
            }
        } else if (request.startingAfter() != null) {
            SortKey anchor = store.keyOf(request.startingAfter());
            if (anchor == null) {
                throw ApiException.cursorInvalid("starting_after");
            }
            slice = store.page(filter, request.limit(), anchor, 0, createdAfter, createdBefore);
        } else if (request.endingBefore() != null) {
            SortKey anchor = store.keyOf(request.endingBefore());
            if (anchor == null) {
                throw ApiException.cursorInvalid("ending_before");
            }
            slice = store.pageNewerThan(filter, request.limit(), anchor, createdAfter, createdBefore);
            olderFollow = false;
        } else {
            offsetNext = offsetCursors;
            slice = store.page(filter, request.limit(), null, 0, createdAfter, createdBefore);
        }
        List<V> data = new ArrayList<>(slice.items().size());
        for (Map.Entry<SortKey, T> entry : slice.items()) {
            data.add(view.apply(entry.getValue()));
        }
        String next = null;
        if (slice.hasMore() && olderFollow && !slice.items().isEmpty()) {
            if (offsetNext) {
                next = CursorCodec.encode(Cursor.offset(offset + slice.items().size(), request.fingerprint()));
            } else {
                SortKey last = slice.items().get(slice.items().size() - 1).getKey();
                next = CursorCodec.encode(Cursor.keyset(last.createdAt(), last.id(), request.fingerprint()));
            }
        }
        return new Page<>(data, slice.hasMore(), next);
    }
}
