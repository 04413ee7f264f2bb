package io.github.cameldeck.metrics;

import java.util.Set;

/**
 * A request path as a metric's tag: each segment that is not one of Deck's resource or action names is replaced by
 * {@code {id}}, so {@code /tasks/task_1/run} becomes {@code /tasks/{id}/run}. Paths of the api operation that name
 * something unknown get {@code {id}} too, which keeps the number of tag values small.
 */
final class PathTemplate {

    /** Deck's resource and action names, as the client's paths use them. */
    private static final Set<String> NAMES = Set.of("tasks", "task-runs", "run", "cancel", "interaction", "events",
            "event-destinations", "event-deliveries", "storage", "screenshots", "credentials", "sources", "agents",
            "sessions", "test");

    private PathTemplate() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String withoutQuery = path;
        int query = withoutQuery.indexOf('?');
        if (query >= 0) {
            withoutQuery = withoutQuery.substring(0, query);
        }
        StringBuilder template = new StringBuilder();
        for (String segment : withoutQuery.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/').append(NAMES.contains(segment) ? segment : "{id}");
        }
        return template.length() == 0 ? "/" : template.toString();
    }
}
