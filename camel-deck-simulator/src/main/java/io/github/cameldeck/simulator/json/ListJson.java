package io.github.cameldeck.simulator.json;

import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.core.Page;

/** A list response {@code {data, has_more, next_cursor, request_id}}. */
public final class ListJson {

    private ListJson() {
    }

    public static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> item, String requestId) {
        ObjectNode node = Json.object();
        ArrayNode data = node.putArray("data");
        for (T t : page.data()) {
            data.add(item.apply(t));
        }
        node.put("has_more", page.hasMore());
        node.put("next_cursor", page.nextCursor());
        node.put("request_id", requestId);
        return node;
    }
}
