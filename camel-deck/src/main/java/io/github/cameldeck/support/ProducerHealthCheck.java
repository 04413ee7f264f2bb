package io.github.cameldeck.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.client.ConnectionProbe;
import io.github.cameldeck.client.DeckClient;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.URISupport;

/**
 * The readiness of the producers of one Deck organization, in Camel's {@code producers} health-check repository: one
 * check per organization ({@code producer:deck-budget-1}, ... named as the {@code deck-budget} check names them),
 * however many producers use it, added when its first producer starts and removed when its last stops. It calls
 * {@code GET /test} with their key: up when Deck answers 200; down with the HTTP status, Deck's error code and request
 * id when Deck refuses the key, or when Deck cannot be reached (no status). The result is kept for {@link #MAX_AGE},
 * so however many producers and health calls there are, an organization costs one {@code GET /test} per minute. The
 * test waits at most {@link #TIMEOUT_MS} for a permit of the request budget and as long for Deck's answer, and is not
 * retried: when the budget has no permit in time (or Deck answers 429), the check is unknown, not down, since a busy
 * budget is what {@code deck-budget} reports.
 */
public final class ProducerHealthCheck extends ReadinessCheck {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final long TIMEOUT_MS = 5_000;

    private final String baseUrl;
    private final WritableHealthCheckRepository repository;
    /** The endpoints of the started producers, once per producer: the test uses the first one's client. */
    private final List<DeckEndpoint> producers = new ArrayList<>();
    private volatile ConnectionProbe probe = new ConnectionProbe(Clock.systemUTC(), MAX_AGE, TIMEOUT_MS);

    private ProducerHealthCheck(String name, String baseUrl, WritableHealthCheckRepository repository) {
        super("producer:deck-" + name);
        this.baseUrl = baseUrl;
        this.repository = repository;
    }

    /**
     * Adds a started producer of {@code endpoint} to its organization's check, which is registered with the first one;
     * null when the CamelContext has no {@code producers} health-check repository (no camel-health).
     */
    public static ProducerHealthCheck join(DeckEndpoint endpoint) {
        CamelContext context = endpoint.getCamelContext();
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        Organization organization = endpoint.getOrganization();
        Organizations organizations = Organizations.of(context);
        ProducerHealthCheck check = organization.producerHealthCheck(
                () -> new ProducerHealthCheck(organizations.nameOf(organization), organization.baseUrl(), repository));
        check.add(endpoint);
        return check;
    }

    private synchronized void add(DeckEndpoint endpoint) {
        producers.add(endpoint);
        if (producers.size() == 1) {
            setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            repository.addHealthCheck(this);
        }
    }

    /** A producer of {@code endpoint} stopped; the check is removed with the last one. */
    public synchronized void leave(DeckEndpoint endpoint) {
        if (producers.remove(endpoint) && producers.isEmpty()) {
            repository.removeHealthCheck(this);
        }
    }

    /** The clock the result's age is measured on (tests set one); forgets the last result. */
    void setClock(Clock clock) {
        probe = new ConnectionProbe(clock, MAX_AGE, TIMEOUT_MS);
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail("base.url", URISupport.sanitizeUri(baseUrl));
        DeckClient client = client();
        if (client == null) {
            return builder.message("No deck producer of this organization is started").down().build();
        }
        ConnectionProbe.Outcome outcome = probe.check(client);
        builder.detail("checked.at", outcome.at().toString());
        if (outcome.state() == ConnectionProbe.State.UP) {
            return builder.up().build();
        }
        if (outcome.status() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, outcome.status());
        }
        if (outcome.errorCode() != null) {
            builder.detail("deck.error.code", outcome.errorCode());
        }
        if (outcome.requestId() != null) {
            builder.detail("deck.request.id", outcome.requestId());
        }
        builder.message(outcome.message());
        return outcome.state() == ConnectionProbe.State.DOWN ? builder.down().build() : builder.unknown().build();
    }

    private DeckClient client() {
        List<DeckEndpoint> started;
        synchronized (this) {
            started = List.copyOf(producers);
        }
        for (DeckEndpoint endpoint : started) {
            try {
                return endpoint.getClient();
            } catch (IllegalStateException stopped) {
                // its endpoint stopped before its producer left: try the next
            }
        }
        return null;
    }
}
