package io.github.cameldeck.simulator.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.json.Json;

/** Cursors on the wire: base64url (no padding) of a small JSON object. Opaque to clients. */
public final class CursorCodec {

    private CursorCodec() {
    }

    public static String encode(Cursor cursor) {
        ObjectNode node = Json.object();
        if (cursor.isOffset()) {
            node.put("o", cursor.offset());
        } else {
            node.put("c", cursor.createdAt().toString());
            node.put("id", cursor.id());
        }
        node.put("f", cursor.fingerprint());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(node));
    }

    /** The decoded cursor, or empty if the text is not a cursor this simulator issued. */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text.trim());
            JsonNode node = Json.parse(new String(bytes, StandardCharsets.UTF_8));
            String fingerprint = node.path("f").asText(null);
            if (fingerprint == null) {
                return Optional.empty();
            }
            JsonNode offset = node.get("o");
            if (offset != null) {
                if (!offset.isInt() || offset.asInt() < 0) {
                    return Optional.empty();
                }
                return Optional.of(Cursor.offset(offset.asInt(), fingerprint));
            }
            String created = node.path("c").asText(null);
            String id = node.path("id").asText(null);
            if (created == null || id == null) {
                return Optional.empty();
            }
            return Optional.of(Cursor.keyset(Instant.parse(created), id, fingerprint));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
