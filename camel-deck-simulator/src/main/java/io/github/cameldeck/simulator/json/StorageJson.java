package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.util.Timestamps;

/** Storage items: summaries inside runs, the full object for {@code GET /storage/{id}}. */
public final class StorageJson {

    private StorageJson() {
    }

    /** The summary in run list items: no {@code url}, no {@code extraction}. */
    public static ObjectNode summary(StorageItem item) {
        ObjectNode node = Json.object();
        node.put("id", item.id());
        node.put("object", "storage");
        node.put("file_name", item.fileName());
        node.put("file_type", item.fileType());
        node.put("file_size", item.fileSize());
        node.put("created_at", Timestamps.format(item.createdAt()));
        return node;
    }

    /** The summary with {@code include=storage}: also the signed {@code url} and the {@code extraction}. */
    public static ObjectNode summary(StorageItem item, String url) {
        ObjectNode node = summary(item);
        node.put("url", url);
        node.set("extraction", item.extraction());
        return node;
    }

    public static ObjectNode full(StorageItem item, String url, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", item.id());
        node.put("object", "storage");
        node.put("file_name", item.fileName());
        node.put("file_type", item.fileType());
        node.put("file_size", item.fileSize());
        node.put("url", url);
        node.putObject("metadata").put("page_count", 1);
        node.put("fetch_date", Timestamps.format(item.createdAt()));
        node.set("extraction", item.extraction());
        node.put("task_run_id", item.taskRunId());
        node.put("result", "success");
        node.put("created_at", Timestamps.format(item.createdAt()));
        if (requestId != null) {
            node.put("request_id", requestId);
        }
        return node;
    }
}
