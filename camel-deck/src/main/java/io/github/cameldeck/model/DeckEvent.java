package io.github.cameldeck.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cameldeck.client.DeckJson;

/**
 * An event of Deck's event log: something that happened to a resource ({@code task_run.completed}, ...), with a summary
 * of the resource at that moment in {@code data}.
 */
public class DeckEvent extends DeckObject {

    /** By creation time, then id; events without a creation time last. */
    public static final Comparator<DeckEvent> OLDEST_FIRST = Comparator
            .comparing(DeckEvent::createdAtInstant, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.getId() != null ? e.getId() : "");

    private static final String TASK_RUN_PREFIX = "task_run.";
    private static final Map<String, Class<?>> RESOURCES = Map.of("task_run", TaskRun.class, "credential",
            Credential.class, "task", Task.class, "agent", Agent.class, "source", Source.class, "session",
            Session.class, "storage", StorageItem.class, "event_destination", EventDestination.class);

    private String id;
    private String object;
    private String type;
    private Map<String, Object> data = new LinkedHashMap<>();
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime createdAt;
    private String requestId;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** {@code <object>.<action>}, e.g. {@code task_run.completed}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** The summary of the resource at the time of the event (for task runs: no output, no interaction). */
    public Map<String, Object> getData() {
        return data;
    }

    public void setData(Map<String, Object> data) {
        this.data = data != null ? data : new LinkedHashMap<>();
    }

    /** {@code data} read as a task run (only the summary fields are set). */
    @JsonIgnore
    public TaskRun getDataAsTaskRun() {
        return getDataAs(TaskRun.class);
    }

    /** A field of {@code data} as text; null when absent, null or empty (live events use "" for empty fields). */
    @JsonIgnore
    public String dataText(String field) {
        Object value = data.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /** The event type recorded when a task run enters {@code status}: {@code task_run.<status>}. */
    public static String taskRunType(String status) {
        return TASK_RUN_PREFIX + status;
    }

    /** Whether this is a {@code task_run.*} event about a run (its data has the run's id). */
    @JsonIgnore
    public boolean isTaskRunEvent() {
        return type != null && type.startsWith(TASK_RUN_PREFIX) && dataText("id") != null;
    }

    /** The status a {@code task_run.*} event records the run entering, as Deck wrote it; null for other events. */
    @JsonIgnore
    public String getTaskRunStatus() {
        return type != null && type.startsWith(TASK_RUN_PREFIX) ? type.substring(TASK_RUN_PREFIX.length()) : null;
    }

    /** The kind of object the event is about: the part of the type before the last dot ({@code credential}, ...). */
    @JsonIgnore
    public String getResourceType() {
        int dot = type != null ? type.lastIndexOf('.') : -1;
        return dot > 0 ? type.substring(0, dot) : null;
    }

    /**
     * {@code data} as the typed object the event is about, e.g. a {@link Credential} for {@code credential.verified}:
     * a {@link TaskRun}, {@link Credential}, {@link Task}, {@link Agent}, {@link Source}, {@link Session},
     * {@link StorageItem} or {@link EventDestination} with the summary's fields set; for an event about anything else,
     * the {@code data} map itself.
     */
    @JsonIgnore
    public Object getResource() {
        Class<?> typed = RESOURCES.get(getResourceType());
        return typed != null ? DeckJson.mapper().convertValue(data, typed) : data;
    }

    /** {@code data} as {@code type} (only the summary's fields are set). */
    public <T> T getDataAs(Class<T> type) {
        return DeckJson.mapper().convertValue(data, type);
    }

    /** The creation time as an instant, or null. */
    @JsonIgnore
    public Instant createdAtInstant() {
        return createdAt != null ? createdAt.toInstant() : null;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    @Override
    public String toString() {
        return "DeckEvent[" + id + ", " + type + ", " + dataText("id") + "]";
    }
}
