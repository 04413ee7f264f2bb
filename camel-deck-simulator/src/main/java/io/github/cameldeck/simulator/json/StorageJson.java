package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.util.Timestamps;

/** Storage items: summaries inside runs, the full object for {@code GET /storage/{id}}. */
public final class StorageJson {

    /** Fake signed URLs live under this host. */
    public static final String BASE_URL = "https://storage.simulator.local/signed/";

    private StorageJson() {
    }

    public static ObjectNode summary(StorageItem item, boolean withUrlAndExtraction) {
        ObjectNode node = Json.object();
        node.put("id", item.id());
        node.put("object", "storage");
        node.put("file_name", item.fileName());
        node.put("file_type", item.fileType());
        node.put("file_size", item.fileSize());
        node.put("created_at", Timestamps.format(item.createdAt()));
        if (withUrlAndExtraction) {
            node.put("url", url(item));
            node.set("extraction", item.extraction());
        }
        return node;
    }

    public static ObjectNode full(StorageItem item, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", item.id());
        node.put("object", "storage");
        node.put("file_name", item.fileName());
        node.put("file_type", item.fileType());
        node.put("file_size", item.fileSize());
        node.put("url", url(item));
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

    static String url(StorageItem item) {
        long expires = item.createdAt().plusSeconds(7 * 24 * 3600).getEpochSecond();
        return BASE_URL + item.id() + "?sig=simulated&exp=" + expires;
    }
}
