package io.github.cameldeck.simulator.core;

import java.util.List;

/** The event log, read side. */
public final class EventService {

    private final SimulatorEngine engine;

    public EventService(SimulatorEngine engine) {
        this.engine = engine;
    }

    public Page<EventRecord> list(EventFilter filter, PageRequest page, boolean offsetCursors) {
        return engine.call(now -> Pager.page(engine.state().events.store(), page, filter::test,
                filter.createdAfter(), filter.createdBefore(), offsetCursors, e -> e));
    }

    public EventRecord get(String eventId) {
        return engine.call(now -> {
            EventRecord event = engine.state().events.store().get(eventId);
            if (event == null) {
                throw ApiException.notFound("request", "event_not_found", "No event with id " + eventId + " exists.");
            }
            return event;
        });
    }

    /** All retained events, newest first. */
    public List<EventRecord> all() {
        return engine.call(now -> engine.state().events.store().newestFirst());
    }

    public int count() {
        return engine.call(now -> engine.state().events.store().size());
    }
}
