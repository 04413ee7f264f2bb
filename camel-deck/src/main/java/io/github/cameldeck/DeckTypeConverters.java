package io.github.cameldeck;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.model.Agent;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.DeckObject;
import io.github.cameldeck.model.Session;
import io.github.cameldeck.model.Source;
import io.github.cameldeck.model.Task;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Converter;
import org.apache.camel.TypeConversionException;

/**
 * Turns Deck objects (a {@link io.github.cameldeck.model.TaskRun}, its interaction, errors...) into Deck's JSON, so
 * {@code jsonpath}, {@code marshal().json()}, file and HTTP endpoints take them as they are.
 */
@Converter(generateLoader = true)
public final class DeckTypeConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DeckTypeConverters() {
    }

    @Converter
    public static String toJsonString(DeckObject value) {
        try {
            return DeckJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(value, String.class, e);
        }
    }

    @Converter
    public static byte[] toJsonBytes(DeckObject value) {
        try {
            return DeckJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(value, byte[].class, e);
        }
    }

    @Converter
    public static InputStream toInputStream(DeckObject value) {
        return new ByteArrayInputStream(toJsonBytes(value));
    }

    @Converter
    public static Map<String, Object> toMap(DeckObject value) {
        return DeckJson.mapper().convertValue(value, MAP);
    }

    /** The run of a {@code task_run.*} event (the summary, or the full run with fetchRun); null for other events. */
    @Converter(allowNull = true)
    public static TaskRun toTaskRun(DeckEvent event) {
        if (event.getTaskRunStatus() == null || event.getData().isEmpty()) {
            return null;
        }
        return event.getDataAsTaskRun();
    }

    /** The credential of a {@code credential.*} event (its summary); null for other events. */
    @Converter(allowNull = true)
    public static Credential toCredential(DeckEvent event) {
        return event.getResource() instanceof Credential credential ? credential : null;
    }

    /** The task of a {@code task.*} event (its summary); null for other events. */
    @Converter(allowNull = true)
    public static Task toTask(DeckEvent event) {
        return event.getResource() instanceof Task task ? task : null;
    }

    /** The agent of an {@code agent.*} event (its summary); null for other events. */
    @Converter(allowNull = true)
    public static Agent toAgent(DeckEvent event) {
        return event.getResource() instanceof Agent agent ? agent : null;
    }

    /** The source of a {@code source.*} event (its summary); null for other events. */
    @Converter(allowNull = true)
    public static Source toSource(DeckEvent event) {
        return event.getResource() instanceof Source source ? source : null;
    }

    /** The session of a {@code session.*} event (its summary); null for other events. */
    @Converter(allowNull = true)
    public static Session toSession(DeckEvent event) {
        return event.getResource() instanceof Session session ? session : null;
    }
}
