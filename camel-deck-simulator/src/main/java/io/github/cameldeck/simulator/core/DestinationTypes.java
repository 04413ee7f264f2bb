package io.github.cameldeck.simulator.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The destination types Deck documents and the non-secret fields of each type's config object (REFERENCE §3.10).
 * Only these fields are stored and echoed, so nothing secret a client sends in a config object comes back.
 */
public final class DestinationTypes {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("webhook", List.of("url"));
        FIELDS.put("aws_sqs", List.of("queue_url"));
        FIELDS.put("aws_kinesis", List.of("stream_name", "region"));
        FIELDS.put("aws_s3", List.of("bucket", "region"));
        FIELDS.put("aws_eventbridge", List.of("event_bus_name", "region"));
        FIELDS.put("gcp_pubsub", List.of("project_id", "topic"));
        FIELDS.put("rabbitmq", List.of("exchange", "server_url"));
        FIELDS.put("azure_servicebus", List.of("name"));
        FIELDS.put("hookdeck", List.of());
    }

    private DestinationTypes() {
    }

    public static boolean isKnown(String type) {
        return FIELDS.containsKey(type);
    }

    /** The config fields of a type (empty for an unknown type). */
    public static List<String> configFields(String type) {
        return FIELDS.getOrDefault(type, List.of());
    }

    public static String names() {
        return String.join(", ", FIELDS.keySet());
    }
}
