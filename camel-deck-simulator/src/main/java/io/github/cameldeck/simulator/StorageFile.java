package io.github.cameldeck.simulator;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.files.FileContents;
import io.github.cameldeck.simulator.json.Json;

/**
 * A file a completed run stores (see {@link Scenario#withFiles}): its name, MIME type and exact size in bytes. The
 * simulator generates its content: a PDF, a transactions CSV, a PNG, or random bytes for any other type.
 *
 * <p>
 * JSON form (scenario key {@code files}): {@code {"file_name": "statement.pdf", "file_type": "application/pdf",
 * "file_size": 120000}}.
 */
public record StorageFile(String fileName, String fileType, long fileSize) {

    /**
     * @throws IllegalArgumentException if the name or type is blank, or the size is below what the type needs (a few
     *         hundred bytes for PDF and PNG, 73 for CSV)
     */
    public StorageFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(fileType, "fileType");
        if (fileName.isBlank() || fileType.isBlank()) {
            throw new IllegalArgumentException("fileName and fileType must not be blank");
        }
        long minimum = FileContents.minimumSize(fileType, fileName);
        if (fileSize < minimum) {
            throw new IllegalArgumentException(
                    "A " + fileType + " file named " + fileName + " needs at least " + minimum + " bytes, not "
                            + fileSize);
        }
    }

    /** A one-page PDF ({@code application/pdf}) padded to {@code size}. */
    public static StorageFile pdf(String fileName, long size) {
        return new StorageFile(fileName, FileContents.PDF, size);
    }

    /** A transactions table ({@code text/csv}) with a header row. */
    public static StorageFile csv(String fileName, long size) {
        return new StorageFile(fileName, FileContents.CSV, size);
    }

    /** A small image ({@code image/png}) padded to {@code size} with ancillary chunks. */
    public static StorageFile png(String fileName, long size) {
        return new StorageFile(fileName, FileContents.PNG, size);
    }

    /** Reads the JSON form; {@code path} names its location in error messages. */
    static StorageFile fromJson(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ScenarioFormatException(path, "`" + path + "` must be an object.");
        }
        String name = Json.text(node.get("file_name"));
        String type = Json.text(node.get("file_type"));
        JsonNode size = node.get("file_size");
        if (name == null || name.isBlank()) {
            throw new ScenarioFormatException(path + ".file_name", "`" + path + ".file_name` is required.");
        }
        if (type == null || type.isBlank()) {
            throw new ScenarioFormatException(path + ".file_type", "`" + path + ".file_type` is required.");
        }
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
            throw new ScenarioFormatException(path + ".file_size",
                    "`" + path + ".file_size` must be an integer (bytes).");
        }
        try {
            return new StorageFile(name, type, size.asLong());
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(path + ".file_size", "`" + path + ".file_size`: " + e.getMessage());
        }
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("file_name", fileName);
        node.put("file_type", fileType);
        node.put("file_size", fileSize);
        return node;
    }
}
