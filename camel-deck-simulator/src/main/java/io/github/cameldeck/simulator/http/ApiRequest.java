package io.github.cameldeck.simulator.http;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.json.Json;

/**
 * A parsed request as handlers see it: path parameters (the {@code {id}} segments, in order), query, JSON body (an
 * object, or null when the request had no body) and the request id of the response.
 */
public record ApiRequest(String method, String path, String routeKey, List<String> pathParams, QueryParams query,
        ObjectNode body, String requestId) {

    public String param(int index) {
        return pathParams.get(index);
    }

    /** The body, or an empty object. */
    public ObjectNode bodyOrEmpty() {
        return body == null ? Json.object() : body;
    }
}
