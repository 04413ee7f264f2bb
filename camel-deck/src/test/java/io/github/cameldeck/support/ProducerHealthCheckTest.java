package io.github.cameldeck.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.simulator.DeckSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producers' health check: one per Deck organization in Camel's producers repository, up with a good key, down
 * with a refused one or an unreachable Deck, one {@code GET /test} per minute however many producers and calls.
 */
class ProducerHealthCheckTest extends DeckTestSupport {

    private static final String WRONG_KEY = "sk_live_refusedrefusedrefused42";
    private static final String TESTS = "GET /v2/test";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableConsumerHealthChecks(context);
        return context;
    }

    private WritableHealthCheckRepository producers() {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        // Camel's producer checks are off until camel.health.producersEnabled=true
        repository.setEnabled(true);
        return repository;
    }

    private List<HealthCheck> deckChecks() {
        return producers().stream().filter(check -> check.getId().startsWith("producer:deck-")).toList();
    }

    private ProducerHealthCheck check(String id) {
        return (ProducerHealthCheck) deckChecks().stream().filter(check -> check.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("No health check " + id + " in " + deckChecks()));
    }

    private void route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id).to(uri);
            }
        });
    }

    private void component(String name, String baseUrl, String apiKey) {
        DeckComponent component = new DeckComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent(name, component);
    }

    @Test
    void upWithAGoodKey() throws Exception {
        route("good", "deck:getTaskRun?runId=trun_1");

        HealthCheck.Result result = check("producer:deck-budget-1").call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("base.url", sim().baseUrl()).containsKey("checked.at");
        assertThat(sim().stats().requests(TESTS)).isEqualTo(1);
        assertThat(HealthCheckRegistry.get(context).stream()).extracting(HealthCheck::getId)
                .contains("producer:deck-budget-1");
    }

    @Test
    void downWithTheStatusErrorCodeAndRequestIdWhenDeckRefusesTheKey() throws Exception {
        component("deckRefused", sim().baseUrl(), WRONG_KEY);
        route("refused", "deckRefused:getTaskRun?runId=trun_1");

        HealthCheck.Result result = check("producer:deck-budget-1").call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .containsEntry("deck.error.code", "api_key_invalid").containsKey("deck.request.id");
        assertThat((String) result.getDetails().get("deck.request.id")).startsWith("req_");
        assertThat(result.getMessage()).get().asString().contains("401").doesNotContain(WRONG_KEY);
        assertThat(result.getDetails().toString()).doesNotContain(WRONG_KEY);
    }

    @Test
    void downWithoutAStatusWhenDeckCannotBeReached() throws Exception {
        DeckSimulator gone = DeckSimulator.builder().build().start();
        String baseUrl = gone.baseUrl();
        component("deckGone", baseUrl, gone.apiKey());
        route("gone", "deckGone:getTaskRun?runId=trun_1");
        gone.stop();

        HealthCheck.Result result = check("producer:deck-budget-1").call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).doesNotContainKey(HealthCheck.HTTP_RESPONSE_CODE)
                .containsEntry("base.url", baseUrl);
        assertThat(result.getMessage()).get().asString().contains("could not be reached");
    }

    @Test
    void oneCheckPerOrganizationAskingDeckOncePerMinute() throws Exception {
        for (int i = 0; i < 10; i++) {
            route("get" + i, "deck:getTaskRun?runId=trun_" + i);
        }
        component("deckRefused", sim().baseUrl(), WRONG_KEY);
        route("refused", "deckRefused:getTaskRun?runId=trun_1");
        assertThat(deckChecks()).extracting(HealthCheck::getId)
                .containsExactlyInAnyOrder("producer:deck-budget-1", "producer:deck-budget-2");
        ProducerHealthCheck check = check("producer:deck-budget-1");
        MovableClock clock = new MovableClock(Instant.parse("2026-03-10T14:00:00Z"));
        check.setClock(clock);

        for (int i = 0; i < 10; i++) {
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(sim().stats().requests(TESTS)).as("10 calls within a minute").isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(sim().stats().requests(TESTS)).as("a call a minute after the test").isEqualTo(2);
    }

    @Test
    void unknownWithoutTestingWhenTheBudgetHasNoPermitInTime() throws Exception {
        DeckComponent deck = context.getComponent("deck", DeckComponent.class);
        deck.setRateLimit(1);
        deck.setRateLimitWindow(Duration.ofHours(1).toMillis());
        route("tight", "deck:getTaskRun?runId=trun_1");
        // takes the one permit of the hour (the run does not exist: Deck answers 404)
        template.request("direct:tight", e -> {
        });

        HealthCheck.Result result = check("producer:deck-budget-1").call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 429);
        assertThat(result.getMessage()).get().asString().contains("No budget to send GET /test");
        assertThat(sim().stats().requests(TESTS)).isZero();
    }

    @Test
    void theCheckLeavesWithTheLastProducer() throws Exception {
        route("a", "deck:getTaskRun?runId=trun_1");
        route("b", "deck:getTaskRun?runId=trun_2");
        assertThat(deckChecks()).hasSize(1);

        context.getRouteController().stopRoute("a");
        assertThat(deckChecks()).hasSize(1);
        assertThat(check("producer:deck-budget-1").call().getState()).isEqualTo(HealthCheck.State.UP);

        context.getRouteController().stopRoute("b");
        assertThat(deckChecks()).isEmpty();
    }

    @Test
    void offWhenTheComponentTurnsProducerChecksOff() throws Exception {
        context.getComponent("deck", DeckComponent.class).setHealthCheckProducerEnabled(false);
        route("off", "deck:getTaskRun?runId=trun_1");

        assertThat(check("producer:deck-budget-1").isEnabled()).isFalse();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
