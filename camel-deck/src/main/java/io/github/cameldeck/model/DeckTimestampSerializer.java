package io.github.cameldeck.model;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a timestamp as Deck does ({@code 2026-03-10T14:05:00Z}) with any ObjectMapper, so a plain
 * {@code marshal().json()} works on Deck objects without Jackson's java.time module.
 */
public final class DeckTimestampSerializer extends StdSerializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    public DeckTimestampSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
}
