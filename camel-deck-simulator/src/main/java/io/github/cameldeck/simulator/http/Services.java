package io.github.cameldeck.simulator.http;

import io.github.cameldeck.simulator.FaultInjection;
import io.github.cameldeck.simulator.core.CatalogChanges;
import io.github.cameldeck.simulator.core.CatalogService;
import io.github.cameldeck.simulator.core.EventDestinationService;
import io.github.cameldeck.simulator.core.EventService;
import io.github.cameldeck.simulator.core.RunService;
import io.github.cameldeck.simulator.core.SimulatorEngine;
import io.github.cameldeck.simulator.files.SignedUrls;

/** What the endpoints need from the simulator. */
public record Services(SimulatorEngine engine, CatalogService catalog, CatalogChanges changes, RunService runs,
        EventService events,
        EventDestinationService destinations, FaultInjection faults, SignedUrls urls) {
}
