package io.github.cameldeck.springboot;

import java.time.Duration;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = DeckTestApplication.class, properties = {
        "camel.component.deck.base-url=https://deck.example.com/v2",
        "camel.component.deck.api-key=sk_live_properties_test",
        "camel.component.deck.max-retries=2",
        "camel.component.deck.connect-timeout=5s",
        "camel.component.deck.request-timeout=90000",
        "camel.component.deck.lookback=2h",
        "camel.component.deck.page-size=25",
        "camel.component.deck.status=completed,failed",
        "camel.component.deck.http-client-configurer=#bean:myConfigurer",
        "camel.component.deck.idempotent-repository=#deckRuns",
        "camel.component.deck.proxy-host=proxy.example.com",
        "camel.component.deck.proxy-port=3128",
        "camel.component.deck.worker-pool-size=4",
        "camel.component.deck.health-check-consumer-enabled=false"})
@Import(DeckComponentPropertiesTest.Beans.class)
class DeckComponentPropertiesTest {

    @TestConfiguration
    static class Beans {
        @Bean
        HttpClientConfigurer myConfigurer() {
            return builder -> {
            };
        }

        @Bean
        IdempotentRepository deckRuns() {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    HttpClientConfigurer myConfigurer;
    @Autowired
    IdempotentRepository deckRuns;

    @Test
    void propertiesReachTheComponent() {
        DeckComponent component = camelContext.getComponent("deck", DeckComponent.class);
        DeckConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo("https://deck.example.com/v2");
        assertThat(configuration.getApiKey()).isEqualTo("sk_live_properties_test");
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
        assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
        assertThat(configuration.getRequestTimeout()).isEqualTo(90_000);
        assertThat(configuration.getLookback()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(configuration.getPageSize()).isEqualTo(25);
        assertThat(configuration.getStatus()).isEqualTo("completed,failed");
        assertThat(configuration.getIdempotentRepository()).isSameAs(deckRuns);
        assertThat(component.getHttpClientConfigurer()).isSameAs(myConfigurer);
        assertThat(component.getProxyHost()).isEqualTo("proxy.example.com");
        assertThat(component.getProxyPort()).isEqualTo(3128);
        assertThat(component.getWorkerPoolSize()).isEqualTo(4);
        assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
    }

    @Test
    void optionsNotSetKeepTheirDefaults() {
        DeckComponent component = camelContext.getComponent("deck", DeckComponent.class);

        assertThat(component.getConfiguration().getRetryInitialDelay()).isEqualTo(1_000);
        assertThat(component.getConfiguration().getWaitTimeout()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(component.getMaxTotalConnections()).isEqualTo(100);
        assertThat(component.isHealthCheckProducerEnabled()).isTrue();
    }

    @Test
    void endpointsStartFromTheComponentOptions() {
        DeckEndpoint endpoint = camelContext.getEndpoint("deck:listTaskRuns?pageSize=50", DeckEndpoint.class);

        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(50);
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(2);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("sk_live_properties_test");
    }
}
