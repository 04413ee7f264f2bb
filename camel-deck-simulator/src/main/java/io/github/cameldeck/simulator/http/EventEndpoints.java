package io.github.cameldeck.simulator.http;

import io.github.cameldeck.simulator.FaultInjection;
import io.github.cameldeck.simulator.core.EventFilter;
import io.github.cameldeck.simulator.core.EventRecord;
import io.github.cameldeck.simulator.core.EventService;
import io.github.cameldeck.simulator.core.Page;
import io.github.cameldeck.simulator.core.PageRequest;
import io.github.cameldeck.simulator.core.RunService;
import io.github.cameldeck.simulator.json.EventJson;
import io.github.cameldeck.simulator.json.ListJson;

import static io.github.cameldeck.simulator.http.CatalogEndpoints.ok;

/** {@code /v2/events}. */
final class EventEndpoints {

    private final EventService events;
    private final RunService runs;
    private final FaultInjection faults;

    EventEndpoints(Services services) {
        this.events = services.events();
        this.runs = services.runs();
        this.faults = services.faults();
    }

    void register(Router router) {
        router.add("GET", "/v2/events", this::list);
        router.add("GET", "/v2/events/{id}", r -> ok(EventJson.event(events.get(r.param(0)), r.requestId()), r));
    }

    private ApiResponse list(ApiRequest request) {
        EventFilter filter = new EventFilter(request.query().all("type"), Paging.instant(request, "created_after"),
                Paging.instant(request, "created_before"));
        boolean faulty = faults.appliesTo(request.routeKey());
        PageRequest pageRequest = Paging.from(request, "events");
        if (faulty && faults.pageShift() > 0 && pageRequest.isContinuation()) {
            runs.createRunsOfLatestTask(faults.pageShift());
        }
        Page<EventRecord> page = events.list(filter, pageRequest, faulty && faults.offsetCursors());
        return ok(ListJson.page(page, e -> EventJson.event(e, null), request.requestId()), request);
    }
}
