package io.github.cameldeck.springboot;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole DeckConfiguration bean: the properties that are set apply on top of it, the defaults do not. */
@SpringBootTest(classes = DeckTestApplication.class, properties = {
        "camel.component.deck.configuration=#bean:sharedDeckConfiguration",
        "camel.component.deck.api-key=sk_live_configuration_bean_test",
        "camel.component.deck.page-size=10"})
@Import(DeckConfigurationBeanTest.Beans.class)
class DeckConfigurationBeanTest {

    @TestConfiguration
    static class Beans {
        @Bean
        DeckConfiguration sharedDeckConfiguration() {
            DeckConfiguration configuration = new DeckConfiguration();
            configuration.setBaseUrl("https://proxy.example.com/deck/v2");
            configuration.setMaxRetries(1);
            configuration.setPageSize(50);
            return configuration;
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    DeckConfiguration sharedDeckConfiguration;

    @Test
    void propertiesApplyOnTopOfTheConfigurationBean() {
        DeckConfiguration configuration = camelContext.getComponent("deck", DeckComponent.class).getConfiguration();

        assertThat(configuration).isSameAs(sharedDeckConfiguration);
        assertThat(configuration.getApiKey()).isEqualTo("sk_live_configuration_bean_test");
        assertThat(configuration.getPageSize()).isEqualTo(10);
        assertThat(configuration.getBaseUrl()).isEqualTo("https://proxy.example.com/deck/v2");
        assertThat(configuration.getMaxRetries()).isEqualTo(1);
    }
}
