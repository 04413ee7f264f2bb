package io.github.cameldeck.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldeck.client.ClusterBudget;
import io.github.cameldeck.client.DeckClientObserver;
import io.github.cameldeck.client.RequestBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deck organizations of a CamelContext: every deck endpoint with the same base URL and API key (Deck counts per
 * organization; different keys of one organization cannot be told apart here) shares one {@link Organization}, whichever
 * component instance created it. The first endpoint of an organization sets the budget's limit and window. A service of the
 * CamelContext: its timer stops with the context.
 */
public final class Organizations extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Organizations.class);

    private final CamelContext context;
    /** By a digest of base URL and key, so the key is not held twice in clear. */
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final List<DeckClientObserver> observers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;

    private Organizations(CamelContext context) {
        this.context = context;
    }

    /** The organizations of the context, added to it as a service on first use. */
    public static Organizations of(CamelContext context) {
        synchronized (context) {
            Organizations organizations = context.hasService(Organizations.class);
            if (organizations == null) {
                organizations = new Organizations(context);
                try {
                    context.addService(organizations, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the Deck organizations' shared state", e);
                }
                MeterRegistryBinding.bind(context, organizations);
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                if (health != null) {
                    health.register(new BudgetHealthCheck(organizations).asRepository());
                }
            }
            return organizations;
        }
    }

    /**
     * The organization of this base URL and key; on first use its budget is created with this limit and window, and
     * shared with the other instances of the application through {@code cluster} when it is not null.
     */
    public synchronized Organization organization(String baseUrl, String apiKey, int limit, Duration window,
            ClusterBudget cluster) {
        String key = digest(baseUrl, apiKey);
        Organization organization = organizations.get(key);
        if (organization == null) {
            ClusterBudget.Bucket bucket = cluster != null && limit > 0 ? cluster.bucket(key, limit, window) : null;
            organization = new Organization(baseUrl.trim(),
                    new RequestBudget(limit, window, RequestBudget.Timer.of(timer()), System::nanoTime, bucket));
            organizations.put(key, organization);
            observers.forEach(organization.activity()::addObserver);
            LOG.debug("Deck request budget for {}: {} requests per {}{}", baseUrl, limit == 0 ? "unlimited" : limit,
                    window, bucket != null ? ", shared with other instances through " + cluster : "");
        } else if (organization.budget().limit() != limit) {
            LOG.info("The Deck organization at {} already has a request budget of {} per window in this CamelContext;"
                    + " the rateLimit {} of another deck component is not used",
                    baseUrl, organization.budget().limit(), limit);
        }
        return organization;
    }

    /** Tells {@code observer} of the work of every organization's clients, those of now and those to come. */
    public synchronized void addObserver(DeckClientObserver observer) {
        observers.add(observer);
        organizations.values().forEach(organization -> organization.activity().addObserver(observer));
    }

    /**
     * The organizations, named {@code budget-1}, ... (the key is not shown, and base URLs can repeat), in the order of
     * their first endpoint.
     */
    public synchronized Map<String, Organization> byName() {
        Map<String, Organization> result = new LinkedHashMap<>();
        int i = 0;
        for (Organization organization : organizations.values()) {
            result.put("budget-" + (++i), organization);
        }
        return result;
    }

    /** The name {@link #byName()} gives the organization; null for one of another context. */
    public synchronized String nameOf(Organization organization) {
        for (Map.Entry<String, Organization> entry : byName().entrySet()) {
            if (entry.getValue() == organization) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Every budget, under its organization's name in {@link #byName()} (for health and management). */
    public synchronized Map<String, RequestBudget.Snapshot> snapshots() {
        Map<String, RequestBudget.Snapshot> result = new LinkedHashMap<>();
        byName().forEach((name, organization) -> result.put(name, organization.budget().snapshot()));
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
        boolean clusterUnreachable = false;
        for (Organization organization : organizations.values()) {
            RequestBudget.Snapshot snapshot = organization.budget().snapshot();
            clusterUnreachable |= snapshot.clusterUnreachable();
            limit += snapshot.limit();
            used += snapshot.usedInWindow();
            waiting += snapshot.waiting();
            rateLimited += snapshot.rateLimitedAnswers();
            longest = longest.compareTo(snapshot.longestWait()) < 0 ? snapshot.longestWait() : longest;
            current = current.compareTo(snapshot.currentWait()) < 0 ? snapshot.currentWait() : current;
            window = window.compareTo(snapshot.window()) < 0 ? snapshot.window() : window;
        }
        return new RequestBudget.Snapshot(limit, window, used, waiting, rateLimited, longest, current,
                clusterUnreachable);
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
        organizations.values().forEach(Organization::close);
        organizations.clear();
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
        return "Organizations[" + organizations.size() + "]";
    }
}
