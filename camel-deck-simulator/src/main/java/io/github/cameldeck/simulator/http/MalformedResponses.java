package io.github.cameldeck.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.FaultInjection.Malformation;
import io.github.cameldeck.simulator.json.Json;

/**
 * Spoils an answer the way networks, proxies and a growing API do, for clients' robustness tests.
 */
final class MalformedResponses {

    static final String PROXY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
            + "</h1></center><hr><center>nginx</center></body></html>";

    private MalformedResponses() {
    }

    static ApiResponse apply(Malformation kind, ApiResponse response) {
        switch (kind) {
            case TRUNCATED_JSON :
                return new ApiResponse(response.status(), Arrays.copyOf(response.body(), response.body().length / 2),
                        response.requestId(), response.headers());
            case HTML_PROXY_PAGE :
                return new ApiResponse(502, PROXY_PAGE.getBytes(StandardCharsets.UTF_8), response.requestId(),
                        response.headers()).withHeader("Content-Type", "text/html");
            case WRONG_CONTENT_TYPE :
                return response.withHeader("Content-Type", "text/plain; charset=utf-8");
            case EMPTY_BODY :
                return new ApiResponse(response.status(), new byte[0], response.requestId(), response.headers());
            case UNKNOWN_FIELDS :
            default :
                return withUnknownFields(response);
        }
    }

    private static ApiResponse withUnknownFields(ApiResponse response) {
        JsonNode json;
        try {
            json = Json.parse(response.body());
        } catch (RuntimeException | java.io.IOException e) {
            return response;
        }
        if (!(json instanceof ObjectNode object)) {
            return response;
        }
        addUnknown(object);
        JsonNode data = object.get("data");
        if (data != null && data.isArray()) {
            data.forEach(item -> {
                if (item instanceof ObjectNode o) {
                    addUnknown(o);
                }
            });
        }
        return new ApiResponse(response.status(), Json.bytes(object), response.requestId(), response.headers());
    }

    private static void addUnknown(ObjectNode object) {
        object.putObject("x_added_later").put("tier", "platinum").putArray("labels").add("new");
        object.put("priority_class", "expedited");
    }
}
