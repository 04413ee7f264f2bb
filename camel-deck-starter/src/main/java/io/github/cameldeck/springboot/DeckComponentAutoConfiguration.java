package io.github.cameldeck.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the deck component from the {@code camel.component.deck.*} properties; turned off by
 * {@code camel.component.enabled=false} or {@code camel.component.deck.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, DeckComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.deck"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DeckComponentConfiguration.class})
public class DeckComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureDeckComponent(
            ApplicationContext applicationContext, CamelContext camelContext,
            DeckComponentConfiguration configuration) {
        return new DeckComponentCustomizer(applicationContext, camelContext, configuration);
    }
}
