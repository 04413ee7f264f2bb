package io.github.cameldeck.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A file a run stored. Inside a run only a summary is present; {@code url} (signed) and {@code extraction} come with
 * {@code include=storage}.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public class StorageItem extends DeckObject implements StoredFile {

    private String id;
    private String object;
    private String fileName;
    private String fileType;
    private Long fileSize;
    private String url;
    private Object extraction;
    private String taskRunId;
    private String requestId;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime createdAt;

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

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Object getExtraction() {
        return extraction;
    }

    public void setExtraction(Object extraction) {
        this.extraction = extraction;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /** The run that stored the file; in {@code GET /storage/{id}} and the run's storage list, not in a run's summary. */
    public String getTaskRunId() {
        return taskRunId;
    }

    public void setTaskRunId(String taskRunId) {
        this.taskRunId = taskRunId;
    }

    /** Deck's request_id, on the answer of {@code GET /storage/{id}}. */
    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    @Override
    public String toString() {
        return "StorageItem[" + id + ", " + fileName + "]";
    }
}
