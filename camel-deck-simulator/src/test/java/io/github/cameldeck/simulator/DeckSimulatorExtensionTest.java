package io.github.cameldeck.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class DeckSimulatorExtensionTest {

    @RegisterExtension
    static DeckSimulatorExtension deck = DeckSimulatorExtension.create(b -> b.rateLimit(0, Duration.ZERO)
            .apiKey("sk_live_ext"));

    static DeckSimulator firstSeen;

    @Test
    void exposesUrlKeyAndSimulator(DeckSimulator injected) {
        assertThat(injected).isSameAs(deck.simulator());
        assertThat(deck.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v2");
        assertThat(deck.apiKey()).isEqualTo("sk_live_ext");
        assertThat(new TestClient(deck.baseUrl(), deck.apiKey()).get("/test").status()).isEqualTo(200);
        remember(injected);
    }

    @Test
    void theSameSimulatorServesTheWholeClass(DeckSimulator injected) {
        remember(injected);
    }

    private static synchronized void remember(DeckSimulator sim) {
        if (firstSeen == null) {
            firstSeen = sim;
        }
        assertThat(sim).isSameAs(firstSeen);
        assertThat(sim.isRunning()).isTrue();
    }

    @Nested
    class PerTest {

        @RegisterExtension
        DeckSimulatorExtension perTest = DeckSimulatorExtension.create();

        @Test
        void instanceFieldGivesItsOwnSimulator() {
            assertThat(perTest.simulator()).isNotSameAs(deck.simulator());
            assertThat(perTest.apiKey()).isEqualTo(DeckSimulator.DEFAULT_API_KEY);
            assertThat(new TestClient(perTest.baseUrl(), perTest.apiKey()).get("/test").status()).isEqualTo(200);
        }
    }
}
