package io.github.cameldeck.support;

import io.github.cameldeck.client.DeckClientObserver;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches camel-deck's meters to the Deck organizations of a CamelContext when Micrometer is on the classpath and the
 * CamelContext's registry holds one MeterRegistry (camel-micrometer and Spring Boot's actuator bind one); among several,
 * the one named {@code metricsRegistry} (camel-micrometer's name), else the one CompositeMeterRegistry. Otherwise there
 * are no metrics. It names Micrometer's classes as strings only,
 * so that {@code io.github.cameldeck.metrics} is loaded only after both were found.
 */
final class MeterRegistryBinding {

    static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    /** The name camel-micrometer binds its registry under. */
    static final String REGISTRY_NAME = "metricsRegistry";
    static final String COMPOSITE_REGISTRY_CLASS = "io.micrometer.core.instrument.composite.CompositeMeterRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistryBinding.class);

    private MeterRegistryBinding() {
    }

    /** Adds the meters as an observer of {@code organizations}; whether it did. */
    static boolean bind(CamelContext context, Organizations organizations) {
        return bind(context, organizations, REGISTRY_CLASS);
    }

    /** As {@link #bind(CamelContext, Organizations)}, with the registry's class named (tests name one that is absent). */
    static boolean bind(CamelContext context, Organizations organizations, String registryClass) {
        Object registry = registry(context, registryClass);
        if (registry == null) {
            return false;
        }
        DeckClientObserver meters = io.github.cameldeck.metrics.DeckMeters.in(registry);
        organizations.addObserver(meters);
        LOG.debug("camel-deck's meters are in {}", registry);
        return true;
    }

    private static Object registry(CamelContext context, String registryClass) {
        Class<?> type = present(registryClass);
        if (type == null) {
            LOG.debug("Micrometer is not on the classpath: camel-deck has no metrics");
            return null;
        }
        Object registry = context.getRegistry().findSingleByType(type);
        if (registry == null) {
            registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, type);
        }
        if (registry == null) {
            Class<?> composite = present(COMPOSITE_REGISTRY_CLASS);
            registry = composite != null ? context.getRegistry().findSingleByType(composite) : null;
        }
        if (registry == null) {
            LOG.debug("No single MeterRegistry in the CamelContext's registry: camel-deck has no metrics");
        }
        return registry;
    }

    private static Class<?> present(String className) {
        try {
            return Class.forName(className, false, MeterRegistryBinding.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
