package io.github.cameldeck.springboot;

import io.github.cameldeck.DeckComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the starter configures the component, and when it stays out of the way. */
class DeckComponentAutoConfigurationTest {

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(DeckTestApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    private static DeckComponent deck(ConfigurableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("deck", DeckComponent.class);
    }

    @Test
    void configuresTheComponent() {
        try (ConfigurableApplicationContext context = start("camel.component.deck.max-retries=1")) {
            assertThat(context.getBeansOfType(DeckComponentConfiguration.class)).hasSize(1);
            assertThat(deck(context).getConfiguration().getMaxRetries()).isEqualTo(1);
        }
    }

    @Test
    void staysOffWhenTheDeckComponentIsDisabled() {
        try (ConfigurableApplicationContext context = start("camel.component.deck.enabled=false",
                "camel.component.deck.max-retries=1")) {
            assertThat(context.getBeansOfType(DeckComponentConfiguration.class)).isEmpty();
            assertThat(deck(context).getConfiguration().getMaxRetries()).isEqualTo(5);
        }
    }

    @Test
    void staysOffWhenEveryComponentIsDisabled() {
        // platform-http (on the test classpath for deck:events) cannot start disabled: camel-spring-boot's request
        // mapping needs the component, so it stays on
        try (ConfigurableApplicationContext context = start("camel.component.enabled=false",
                "camel.component.platform-http.enabled=true", "camel.component.deck.max-retries=1")) {
            assertThat(context.getBeansOfType(DeckComponentConfiguration.class)).isEmpty();
            assertThat(deck(context).getConfiguration().getMaxRetries()).isEqualTo(5);
        }
    }

    @Test
    void leavesTheComponentAloneWhenItsCustomizerIsDisabled() {
        try (ConfigurableApplicationContext context = start("camel.component.deck.customizer.enabled=false",
                "camel.component.deck.max-retries=1")) {
            assertThat(deck(context).getConfiguration().getMaxRetries()).isEqualTo(5);
        }
    }

    @Test
    void refusesABeanOptionThatIsNotABeanReference() {
        assertThatThrownBy(() -> start("camel.component.deck.http-client-configurer=myConfigurer").close())
                .hasStackTraceContaining("camel.component.deck.http-client-configurer")
                .hasStackTraceContaining("#bean:name or #name");
    }

    @Test
    void refusesAReferenceToAMissingBean() {
        assertThatThrownBy(() -> start("camel.component.deck.http-client-configurer=#bean:noSuchBean").close())
                .hasStackTraceContaining("noSuchBean");
    }

    @Test
    void masksSecretsOnlyWhenActuatorIsThere() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DeckActuatorAutoConfiguration.class));

        runner.run(context -> assertThat(context).hasSingleBean(DeckSecretsSanitizingFunction.class));
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context).doesNotHaveBean(DeckSecretsSanitizingFunction.class));
    }
}
