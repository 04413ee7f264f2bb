package io.github.cameldeck.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

class DeckSecretsSanitizingFunctionTest {

    private final DeckSecretsSanitizingFunction function = new DeckSecretsSanitizingFunction();

    private Object sanitized(String key) {
        return function.apply(new SanitizableData(null, key, "sk_live_value")).getValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camel.component.deck.api-key",
            "camel.component.deck.apiKey",
            "camel.component.deck.api_key",
            "CAMEL_COMPONENT_DECK_APIKEY",
            "CAMEL_COMPONENT_DECK_API_KEY",
            "camel.component.deck.configuration.api-key",
            "camel.component.deck.configuration.apiKey",
            "DECK_API_KEY",
            "camel.component.deck.webhook-secret",
            "CAMEL_COMPONENT_DECK_WEBHOOKSECRET",
            "camel.component.deck.configuration.webhook-secret",
            "DECK_WEBHOOK_SECRET"})
    void masksTheSecretsInEveryForm(String key) {
        assertThat(sanitized(key)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camel.component.deck.base-url",
            "camel.component.deck.task-id",
            "camel.component.telegram.authorization-token-key",
            "camel.component.other.api-key",
            "deck.statements-task"})
    void leavesOtherPropertiesAlone(String key) {
        assertThat(sanitized(key)).isEqualTo("sk_live_value");
    }

    @Test
    void takesTheSecretOptionsFromTheComponentMetadata() {
        assertThat(DeckSecretsSanitizingFunction.readSecretOptions("metadata/secret-options.json"))
                .containsExactlyInAnyOrder("apikey", "webhooksecret");
        assertThat(DeckSecretsSanitizingFunction.readSecretOptions(DeckSecretsSanitizingFunction.COMPONENT_METADATA))
                .containsExactlyInAnyOrder("apikey", "webhooksecret");
    }
}
