package io.github.cameldeck.simulator.http;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.json.ErrorJson;
import io.github.cameldeck.simulator.json.Json;

/** A response ready to write: status, serialized JSON body, request id and extra headers. */
public record ApiResponse(int status, byte[] body, String requestId, Map<String, String> headers) {

    public static ApiResponse json(int status, JsonNode body, String requestId) {
        return new ApiResponse(status, Json.bytes(body), requestId, Map.of());
    }

    public static ApiResponse error(int status, DeckError error, String requestId) {
        return json(status, ErrorJson.envelope(error, requestId), requestId);
    }

    public ApiResponse withHeader(String name, String value) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>(headers);
        map.put(name, value);
        return new ApiResponse(status, body, requestId, Map.copyOf(map));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
