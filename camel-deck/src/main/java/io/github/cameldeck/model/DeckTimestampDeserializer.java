package io.github.cameldeck.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads Deck's ISO-8601 timestamps with any ObjectMapper; an empty string (live events use "" for empty fields) reads
 * as null.
 */
public final class DeckTimestampDeserializer extends StdDeserializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    public DeckTimestampDeserializer() {
        super(OffsetDateTime.class);
    }

    /** The number in text[from, to), or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        // Deck's own form, 2026-03-10T14:05:00Z, without the formatter (which dominates reading a run)
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // out of range: let the formatter report it
                }
            }
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an ISO-8601 timestamp: %s", e.getMessage());
        }
    }
}
