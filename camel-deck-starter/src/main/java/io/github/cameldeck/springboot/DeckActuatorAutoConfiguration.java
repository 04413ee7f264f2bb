package io.github.cameldeck.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the deck secrets out of the actuator endpoints; only active when the application has actuator.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class DeckActuatorAutoConfiguration {

    @Bean
    public DeckSecretsSanitizingFunction deckSecretsSanitizingFunction() {
        return new DeckSecretsSanitizingFunction();
    }
}
