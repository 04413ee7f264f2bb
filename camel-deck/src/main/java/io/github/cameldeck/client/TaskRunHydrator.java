package io.github.cameldeck.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;

/**
 * Fetches the full runs behind a batch of events (events carry a summary without output), one request after another on
 * the calling thread: a few runs one by one with {@code GET /task-runs/{id}}; a larger batch with {@code GET /task-runs}
 * over the window of their creation times (100 runs per request), then one by one whatever the list did not have (a run
 * that has left the status since).
 */
public final class TaskRunHydrator {

    static final int FETCH_ONE_BY_ONE_UP_TO = 3;

    private final DeckClient client;
    private final TaskRunQuery baseQuery;

    /**
     * @param baseQuery the filters every fetched run matches (its statuses and window are replaced per batch)
     */
    public TaskRunHydrator(DeckClient client, TaskRunQuery baseQuery) {
        this.client = client;
        this.baseQuery = baseQuery;
    }

    /** The current run of every event's run id, by id. */
    public Map<String, TaskRun> fetch(Collection<DeckEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> statuses = new LinkedHashSet<>();
        Instant first = null;
        Instant last = null;
        boolean rangeKnown = true;
        for (DeckEvent event : events) {
            ids.add(event.dataText("id"));
            statuses.add(event.getTaskRunStatus());
            Instant created = parse(event.dataText("created_at"));
            if (created == null) {
                rangeKnown = false;
            } else {
                first = first == null || created.isBefore(first) ? created : first;
                last = last == null || created.isAfter(last) ? created : last;
            }
        }
        Map<String, TaskRun> runs = new HashMap<>();
        if (ids.size() > FETCH_ONE_BY_ONE_UP_TO && rangeKnown) {
            TaskRunQuery query = baseQuery.withStatusesAndRange(new ArrayList<>(statuses), first.minusSeconds(1),
                    last.plusSeconds(1));
            String cursor = null;
            do {
                Page<TaskRun> page = Futures.await(client.listTaskRuns(query, cursor));
                for (TaskRun run : page.data()) {
                    if (ids.contains(run.getId())) {
                        runs.put(run.getId(), run);
                    }
                }
                cursor = page.hasMore() && runs.size() < ids.size() ? page.nextCursor() : null;
            } while (cursor != null);
        }
        for (String id : ids) {
            if (!runs.containsKey(id)) {
                TaskRun run = Futures.await(client.getTaskRun(id, null));
                runs.put(run.getId(), run);
            }
        }
        return runs;
    }

    private static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
