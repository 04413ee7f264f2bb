package io.github.cameldeck.simulator.http;

/** Handles one route; may throw {@link io.github.cameldeck.simulator.core.ApiException}. */
@FunctionalInterface
public interface EndpointHandler {

    ApiResponse handle(ApiRequest request);
}
