package io.github.cameldeck.support;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel masks a property by its name: with the deck component in the CamelContext, webhookSecret (a Kamelet's
 * property, a {@code deck.webhook-secret} placeholder) is masked as apiKey always was, and the application's own
 * additional keywords stay.
 */
class SensitiveKeywordsTest {

    @Test
    void theDeckComponentMakesWebhookSecretSensitive() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("customerpin");
            assertThat(CamelContextHelper.containsSensitive(context, "webhookSecret")).isFalse();
            assertThat(CamelContextHelper.containsSensitive(context, "apiKey")).isTrue();

            context.start();
            context.getComponent("deck");

            assertThat(CamelContextHelper.containsSensitive(context, "webhookSecret")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "deck.webhook-secret")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.deck.webhook-secret")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "customerPin")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "taskId")).isFalse();

            SensitiveKeywords.register(context);
            assertThat(context.getCamelContextExtension().getAdditionalSensitiveKeywords())
                    .isEqualTo("customerpin,webhooksecret");
        }
    }
}
