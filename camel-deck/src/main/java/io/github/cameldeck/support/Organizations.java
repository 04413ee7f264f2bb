package io.github.cameldeck.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.github.cameldeck.client.RequestBudget;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunWatcher;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a CamelContext shares per Deck organization: every deck endpoint with the same base URL and API key (Deck
 * counts per organization; different keys of one organization cannot be told apart here) takes its permits from the
 * same {@link RequestBudget} and waits for runs through the same {@link RunWatcher}, whichever component instance
 * created them. The first endpoint of an organization sets the budget's limit and window. A service of the
 * CamelContext: its timer stops with the context.
 */
public final class Organizations extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Organizations.class);

    private final CamelContext context;
    /** By a digest of base URL and key, so the key is not held twice in clear. */
    private final Map<String, RequestBudget> budgets = new LinkedHashMap<>();
    private final Map<String, RunWatcher> watchers = new LinkedHashMap<>();
    private final Map<String, RunSlots> slots = new LinkedHashMap<>();
    private ScheduledExecutorService timer;

    private Organizations(CamelContext context) {
        this.context = context;
    }

    /** The budgets of the context, added to it as a service on first use. */
    public static Organizations of(CamelContext context) {
        synchronized (context) {
            Organizations budgets = context.hasService(Organizations.class);
            if (budgets == null) {
                budgets = new Organizations(context);
                try {
                    context.addService(budgets, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the Deck organizations' shared state", e);
                }
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                if (health != null) {
                    health.register(new BudgetHealthCheck(budgets).asRepository());
                }
            }
            return budgets;
        }
    }

    /** The organization's budget, created with this limit and window when it is the first use. */
    public synchronized RequestBudget budgetFor(String baseUrl, String apiKey, int limit, Duration window) {
        String key = digest(baseUrl, apiKey);
        RequestBudget budget = budgets.get(key);
        if (budget == null) {
            budget = new RequestBudget(limit, window, RequestBudget.Timer.of(timer()), System::nanoTime);
            budgets.put(key, budget);
            LOG.debug("Deck request budget for {}: {} requests per {}", baseUrl, limit == 0 ? "unlimited" : limit,
                    window);
        } else if (budget.limit() != limit) {
            LOG.info("The Deck organization at {} already has a request budget of {} per window in this CamelContext;"
                    + " the rateLimit {} of another deck component is not used",
                    baseUrl, budget.limit(), limit);
        }
        return budget;
    }

    /** The organization's run watcher, created by {@code factory} on first use. */
    public synchronized RunWatcher watcherFor(String baseUrl, String apiKey, Supplier<RunWatcher> factory) {
        return watchers.computeIfAbsent(digest(baseUrl, apiKey), key -> factory.get());
    }

    /** The organization's maxConcurrentRuns slots, created with {@code max} on first use. */
    public synchronized RunSlots slotsFor(String baseUrl, String apiKey, int max) {
        return slots.computeIfAbsent(digest(baseUrl, apiKey), key -> new RunSlots(max));
    }

    /** Every budget, by base URL (for health and management); several keys of one base URL are numbered. */
    public synchronized Map<String, RequestBudget.Snapshot> snapshots() {
        Map<String, RequestBudget.Snapshot> result = new LinkedHashMap<>();
        int i = 0;
        for (RequestBudget budget : budgets.values()) {
            result.put("budget-" + (++i), budget.snapshot());
        }
        return result;
    }

    /** The budgets summed up: requests in their windows, waiting, 429s; the longest wait of any. */
    public synchronized RequestBudget.Snapshot total() {
        int limit = 0;
        int used = 0;
        int waiting = 0;
        long rateLimited = 0;
        Duration longest = Duration.ZERO;
        Duration current = Duration.ZERO;
        Duration window = Duration.ZERO;
        for (RequestBudget budget : budgets.values()) {
            RequestBudget.Snapshot snapshot = budget.snapshot();
            limit += snapshot.limit();
            used += snapshot.usedInWindow();
            waiting += snapshot.waiting();
            rateLimited += snapshot.rateLimitedAnswers();
            longest = longest.compareTo(snapshot.longestWait()) < 0 ? snapshot.longestWait() : longest;
            current = current.compareTo(snapshot.currentWait()) < 0 ? snapshot.currentWait() : current;
            window = window.compareTo(snapshot.window()) < 0 ? snapshot.window() : window;
        }
        return new RequestBudget.Snapshot(limit, window, used, waiting, rateLimited, longest, current);
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = context.getExecutorServiceManager().newScheduledThreadPool(this, "DeckRequestBudget",
                    SchedulerProfiles.unbounded("DeckRequestBudget", 1));
        }
        return timer;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (timer != null) {
            context.getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        budgets.values().forEach(RequestBudget::close);
        watchers.values().forEach(RunWatcher::close);
        slots.values().forEach(RunSlots::close);
        slots.clear();
        budgets.clear();
        watchers.clear();
        super.doStop();
    }

    private static String digest(String baseUrl, String apiKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(baseUrl.trim().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Organizations[" + budgets.size() + "]";
    }
}
