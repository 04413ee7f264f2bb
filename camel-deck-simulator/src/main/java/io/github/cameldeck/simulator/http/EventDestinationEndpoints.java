package io.github.cameldeck.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.EventDeliveryInfo;
import io.github.cameldeck.simulator.EventDestinationInfo;
import io.github.cameldeck.simulator.core.DestinationDraft;
import io.github.cameldeck.simulator.core.DestinationTypes;
import io.github.cameldeck.simulator.core.EventDestinationService;
import io.github.cameldeck.simulator.core.Page;
import io.github.cameldeck.simulator.json.EventDestinationJson;
import io.github.cameldeck.simulator.json.ListJson;

import static io.github.cameldeck.simulator.http.CatalogEndpoints.created;
import static io.github.cameldeck.simulator.http.CatalogEndpoints.ok;

/** {@code /v2/event-destinations} and their {@code event-deliveries}. */
final class EventDestinationEndpoints {

    private final EventDestinationService destinations;

    EventDestinationEndpoints(Services services) {
        this.destinations = services.destinations();
    }

    void register(Router router) {
        router.add("POST", "/v2/event-destinations", this::create);
        router.add("GET", "/v2/event-destinations", this::list);
        router.add("GET", "/v2/event-destinations/{id}",
                r -> ok(EventDestinationJson.destination(destinations.get(r.param(0)), r.requestId()), r));
        router.add("PATCH", "/v2/event-destinations/{id}", this::update);
        router.add("DELETE", "/v2/event-destinations/{id}", this::delete);
        router.add("GET", "/v2/event-destinations/{id}/event-deliveries", this::deliveries);
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        String name = Bodies.requiredText(body, "name");
        String type = Bodies.optionalText(body, "type");
        String configType = type == null ? "webhook" : type;
        Map<String, String> config = new LinkedHashMap<>();
        if (DestinationTypes.isKnown(configType)) {
            Bodies.optionalObject(body, configType);
            for (String field : DestinationTypes.configFields(configType)) {
                String value = Bodies.optionalText(body, configType + "." + field);
                if (value != null) {
                    config.put(field, value);
                }
            }
        }
        String customHeaders = null;
        String secret = null;
        if (configType.equals("webhook")) {
            customHeaders = Bodies.optionalText(body, "webhook.custom_headers");
            secret = Bodies.optionalText(body, "webhook.secret");
        }
        DestinationDraft draft = new DestinationDraft(name, type, Bodies.optionalTextList(body, "events"), config,
                customHeaders, secret);
        return created(EventDestinationJson.destination(destinations.create(draft), request.requestId()), request);
    }

    private ApiResponse list(ApiRequest request) {
        Page<EventDestinationInfo> page = destinations.list(Paging.from(request, "event-destinations"));
        return ok(ListJson.page(page, d -> EventDestinationJson.destination(d, null), request.requestId()), request);
    }

    private ApiResponse update(ApiRequest request) {
        JsonNode body = request.bodyOrEmpty();
        EventDestinationInfo changed = destinations.update(request.param(0), Bodies.optionalText(body, "name"),
                Bodies.optionalText(body, "status"), Bodies.optionalTextList(body, "events"));
        return ok(EventDestinationJson.destination(changed, request.requestId()), request);
    }

    private ApiResponse delete(ApiRequest request) {
        destinations.delete(request.param(0));
        return ok(EventDestinationJson.deleted(request.param(0), request.requestId()), request);
    }

    private ApiResponse deliveries(ApiRequest request) {
        String id = request.param(0);
        Page<EventDeliveryInfo> page = destinations.deliveries(id,
                Paging.from(request, "event-deliveries " + id), request.query().first("status"),
                request.query().all("type"));
        return ok(ListJson.page(page, EventDestinationJson::delivery, request.requestId()), request);
    }
}
