package io.github.cameldeck.support;

import java.util.Map;
import java.util.stream.Stream;

import io.github.cameldeck.client.RequestBudget;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness details of Deck's request budgets in a CamelContext: per organization the limit, the requests of the
 * current window, those waiting, the 429s seen and the longest wait. Up while no request waits longer than the window
 * (the application keeps to Deck's pace); down with the same details when requests queue up beyond it.
 */
final class BudgetHealthCheck extends ReadinessCheck {

    static final String ID = "deck-budget";

    private final Organizations organizations;

    BudgetHealthCheck(Organizations organizations) {
        super(ID);
        this.organizations = organizations;
    }

    /**
     * The check as a repository of its own: registering a repository leaves the registry's other repositories alone,
     * where registering a check makes the registry list them all (and the consumers' one would then remember a
     * context whose routes are not started yet).
     */
    HealthCheckRepository asRepository() {
        HealthCheck check = this;
        return new HealthCheckRepository() {
            private volatile boolean repositoryEnabled = true;

            @Override
            public String getId() {
                return ID;
            }

            @Override
            public boolean isEnabled() {
                return repositoryEnabled;
            }

            @Override
            public void setEnabled(boolean enabled) {
                repositoryEnabled = enabled;
            }

            @Override
            public Stream<HealthCheck> stream() {
                return Stream.of(check);
            }
        };
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        boolean backedUp = false;
        boolean clusterUnreachable = false;
        for (Map.Entry<String, RequestBudget.Snapshot> entry : organizations.snapshots().entrySet()) {
            String prefix = entry.getKey() + ".";
            RequestBudget.Snapshot budget = entry.getValue();
            builder.detail(prefix + "limit", budget.limit());
            builder.detail(prefix + "window.ms", budget.window().toMillis());
            builder.detail(prefix + "used", budget.usedInWindow());
            builder.detail(prefix + "waiting", budget.waiting());
            builder.detail(prefix + "rate.limited", budget.rateLimitedAnswers());
            builder.detail(prefix + "longest.wait.ms", budget.longestWait().toMillis());
            builder.detail(prefix + "cluster.unreachable", budget.clusterUnreachable());
            clusterUnreachable |= budget.clusterUnreachable();
            backedUp |= budget.limit() > 0 && budget.waiting() > 0
                    && budget.currentWait().compareTo(budget.window()) > 0;
        }
        if (clusterUnreachable) {
            return builder.message("The request budget shared with other instances cannot be reached").down().build();
        }
        if (backedUp) {
            return builder.message("Requests wait for Deck's request budget longer than its window").down().build();
        }
        return builder.up().build();
    }
}
