package io.github.cameldeck.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A screenshot the agent took, with its reasoning at that moment ({@code include=artifacts}).
 */
public class Screenshot extends DeckObject implements StoredFile {

    private String fileName;
    private String fileType;
    private Long fileSize;
    private String url;
    private String reasoning;
    @JsonSerialize(using = DeckTimestampSerializer.class)
    @JsonDeserialize(using = DeckTimestampDeserializer.class)
    private OffsetDateTime createdAt;

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

    public String getReasoning() {
        return reasoning;
    }

    public void setReasoning(String reasoning) {
        this.reasoning = reasoning;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public String toString() {
        return "Screenshot[" + fileName + "]";
    }
}
