package io.github.cameldeck.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A fake file captured by a completed run ({@code stor_} id); its URL is derived from the id when rendered. */
public record StorageItem(String id, String taskRunId, String fileName, String fileType, long fileSize,
        Instant createdAt, JsonNode extraction) {
}
