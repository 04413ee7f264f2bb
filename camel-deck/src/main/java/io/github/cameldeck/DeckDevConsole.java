package io.github.cameldeck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.client.DeckActivity;
import io.github.cameldeck.client.RequestBudget;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunWatcher;
import io.github.cameldeck.events.DeckEventsConsumer;
import io.github.cameldeck.events.EventsConsumerPosition;
import io.github.cameldeck.storageitems.DeckStorageItemsConsumer;
import io.github.cameldeck.support.Organization;
import io.github.cameldeck.support.Organizations;
import io.github.cameldeck.taskruns.DeckTaskRunsConsumer;
import io.github.cameldeck.taskruns.TaskRunsPosition;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code deck} dev console: per Deck organization of the CamelContext (named {@code budget-1}, ... as the
 * {@code deck-budget} health check names them, with their base URL, never their key) the request budget, what its
 * clients did (requests by outcome, the last errors with Deck's request id), the waits of its run watcher and its
 * maxConcurrentRuns slots; per deck consumer its position (catch-up, event-log watermark, backlog, retries, last poll).
 * Endpoint URIs and base URLs are shown sanitized. It reads state the component keeps anyway: calling it sends nothing
 * to Deck.
 */
@DevConsole(name = "deck", displayName = "Deck", description = "Deck organizations (request budget, activity, waits) "
        + "and the positions of deck consumers")
public class DeckDevConsole extends AbstractDevConsole {

    public DeckDevConsole() {
        super("camel", "deck", "Deck", "Deck organizations (request budget, activity, waits) and the positions of deck "
                + "consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        return DeckConsoleText.render(doCallJson(options));
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray organizations = new JsonArray();
        // looked up, not created: calling the console before any deck endpoint started changes nothing
        Organizations known = getCamelContext().hasService(Organizations.class);
        if (known != null) {
            for (Map.Entry<String, Organization> entry : known.byName().entrySet()) {
                organizations.add(organization(entry.getKey(), entry.getValue()));
            }
        }
        root.put("organizations", organizations);
        root.put("consumers", consumers());
        return root;
    }

    private static JsonObject organization(String name, Organization organization) {
        JsonObject json = new JsonObject();
        json.put("name", name);
        json.put("baseUrl", URISupport.sanitizeUri(organization.baseUrl()));
        json.put("budget", budget(organization.budget().snapshot()));
        json.put("activity", activity(organization.activity().snapshot()));
        RunWatcher watcher = organization.watcherIfStarted();
        if (watcher != null) {
            JsonObject waits = new JsonObject();
            waits.put("waiting", watcher.waiting());
            waits.put("waitingForPerson", watcher.waitingForPerson());
            waits.put("eventLogReads", watcher.reads());
            waits.put("readFrom", text(watcher.readFrom()));
            json.put("watcher", waits);
        }
        RunSlots slots = organization.slotsIfUsed();
        if (slots != null) {
            JsonObject used = new JsonObject();
            used.put("max", slots.max());
            used.put("inUse", slots.inUse());
            used.put("waiting", slots.waiting());
            json.put("slots", used);
        }
        return json;
    }

    private static JsonObject budget(RequestBudget.Snapshot budget) {
        JsonObject json = new JsonObject();
        json.put("limit", budget.limit());
        json.put("windowMs", budget.window().toMillis());
        json.put("usedInWindow", budget.usedInWindow());
        json.put("waiting", budget.waiting());
        json.put("rateLimitedAnswers", budget.rateLimitedAnswers());
        json.put("longestWaitMs", budget.longestWait().toMillis());
        json.put("currentWaitMs", budget.currentWait().toMillis());
        json.put("clusterUnreachable", budget.clusterUnreachable());
        return json;
    }

    private static JsonObject activity(DeckActivity.Snapshot activity) {
        JsonObject requests = new JsonObject();
        requests.put("total", activity.requests());
        requests.put("success", activity.successes());
        requests.put("clientError", activity.clientErrors());
        requests.put("serverError", activity.serverErrors());
        requests.put("networkError", activity.networkErrors());
        requests.put("rateLimited", activity.rateLimited());
        JsonObject json = new JsonObject();
        json.put("requests", requests);
        json.put("failedCalls", activity.failedCalls());
        json.put("runsStarted", activity.runsStarted());
        json.put("bytesDownloaded", activity.bytesDownloaded());
        json.put("budgetWaitMs", activity.budgetWait().toMillis());
        json.put("longestBudgetWaitMs", activity.longestBudgetWait().toMillis());
        JsonArray errors = new JsonArray();
        // newest first: what an operator looks for
        List<DeckActivity.RecentError> recent = new ArrayList<>(activity.recentErrors());
        for (int i = recent.size() - 1; i >= 0; i--) {
            DeckActivity.RecentError error = recent.get(i);
            JsonObject e = new JsonObject();
            e.put("at", text(error.at()));
            e.put("method", error.method());
            e.put("path", error.path());
            e.put("status", error.status());
            e.put("errorCode", error.errorCode());
            e.put("requestId", error.requestId());
            e.put("message", error.message());
            errors.add(e);
        }
        json.put("recentErrors", errors);
        return json;
    }

    private JsonArray consumers() {
        JsonArray consumers = new JsonArray();
        for (Route route : getCamelContext().getRoutes()) {
            Consumer consumer = route.getConsumer();
            JsonObject position;
            String kind;
            if (consumer instanceof DeckTaskRunsConsumer runs) {
                kind = runs instanceof DeckStorageItemsConsumer ? "storageItems" : "taskRuns";
                position = position(runs.position());
            } else if (consumer instanceof DeckEventsConsumer events) {
                kind = "events";
                position = position(events.position());
            } else {
                continue;
            }
            JsonObject json = new JsonObject();
            json.put("routeId", route.getRouteId());
            json.put("uri", URISupport.sanitizeUri(consumer.getEndpoint().getEndpointUri()));
            json.put("kind", kind);
            json.put("started", ServiceHelper.isStarted(consumer));
            json.put("position", position);
            consumers.add(json);
        }
        return consumers;
    }

    private static JsonObject position(TaskRunsPosition position) {
        JsonObject json = new JsonObject();
        json.put("catchUpDone", position.catchUpDone());
        json.put("watermark", text(position.watermark()));
        json.put("backlog", position.backlog());
        json.put("retriesPending", position.retriesPending());
        json.put("lastPoll", text(position.lastPoll()));
        return json;
    }

    private static JsonObject position(EventsConsumerPosition position) {
        JsonObject json = new JsonObject();
        json.put("catchUpDone", position.catchUpDone());
        json.put("watermark", text(position.watermark()));
        json.put("backlog", position.backlog());
        json.put("routing", position.routing());
        json.put("retriesPending", position.retriesPending());
        json.put("lastCatchUp", text(position.lastCatchUp()));
        if (position.lastFailure() != null) {
            json.put("lastFailure", position.lastFailure());
        }
        return json;
    }

    private static String text(Instant instant) {
        return instant != null ? instant.toString() : null;
    }
}
