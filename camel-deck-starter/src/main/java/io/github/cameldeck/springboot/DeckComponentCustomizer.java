package io.github.cameldeck.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.cameldeck.DeckComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * Copies the {@code camel.component.deck.*} properties onto the deck component when Camel creates it; turned off by
 * {@code camel.component.customizer.enabled=false} or {@code camel.component.deck.customizer.enabled=false}.
 */
final class DeckComponentCustomizer implements ComponentCustomizer {

    // properties of the Spring Boot layer that the component does not have
    private static final Set<String> STARTER_PROPERTIES = Set.of("enabled", "customizer");
    private static final String CONFIGURATION = "configuration";

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final DeckComponentConfiguration configuration;

    DeckComponentCustomizer(ApplicationContext applicationContext, CamelContext camelContext,
            DeckComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof DeckComponent
                && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.deck.customizer");
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = changedOptions();
        CamelPropertiesHelper.setCamelProperties(camelContext, target, options, false);
        if (!options.isEmpty()) {
            // names only: a value may be the API key
            throw new IllegalArgumentException("The deck component cannot take the options " + options.keySet());
        }
    }

    /**
     * The options whose value differs from the default, a {@code configuration} bean first. A default is the
     * component's own default already, and copying it would overwrite what a {@code configuration} bean says.
     */
    private Map<String, Object> changedOptions() {
        Map<String, Object> values = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        Map<String, Object> defaults = CamelPropertiesHelper.getNonNullProperties(camelContext,
                new DeckComponentConfiguration());
        Map<String, Object> options = new LinkedHashMap<>();
        Object configurationBean = values.remove(CONFIGURATION);
        if (configurationBean != null) {
            options.put(CONFIGURATION, configurationBean);
        }
        values.forEach((option, value) -> {
            if (!STARTER_PROPERTIES.contains(option) && !Objects.equals(value, defaults.get(option))) {
                options.put(option, value);
            }
        });
        return options;
    }
}
