package io.github.cameldeck;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldeck.client.ClusterBudget;
import io.github.cameldeck.client.DeckHttpTransport;
import io.github.cameldeck.client.RequestBudget;
import io.github.cameldeck.client.TransportOptions;
import io.github.cameldeck.support.Organization;
import io.github.cameldeck.support.Organizations;
import io.github.cameldeck.support.ScheduledPollOptions;
import io.github.cameldeck.support.SchedulerProfiles;
import io.github.cameldeck.support.SensitiveKeywords;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The deck component: run Deck tasks, answer their interactions and consume their runs.
 */
@Component("deck")
@ManagedResource(description = "Deck component: the request budgets of the Deck organizations the CamelContext calls")
public class DeckComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The options every deck endpoint starts from.")
    private DeckConfiguration configuration = new DeckConfiguration();

    @Metadata(label = "advanced", description = "A camel-http HttpClientConfigurer that customises the Apache HttpClient 5 builder every deck "
            + "endpoint of this component shares.")
    private HttpClientConfigurer httpClientConfigurer;

    @Metadata(label = "security", description = "TLS settings for the connection to Deck.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "proxy", description = "The HTTP proxy host to reach Deck through.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @Metadata(label = "advanced", defaultValue = "100", description = "The most connections the shared pool keeps open.")
    private int maxTotalConnections = 100;

    @Metadata(label = "advanced", defaultValue = "100", description = "The most connections to one host (Deck is one host, so this is usually maxTotalConnections).")
    private int connectionsPerRoute = 100;

    @Metadata(label = "advanced", defaultValue = "10", description = "The threads that run retries and waitForCompletion polls for every endpoint of this component; "
            + "no thread is held while a call waits for its next attempt.")
    private int workerPoolSize = 10;

    @Metadata(label = "advanced", defaultValue = "200", description = "Deck's request limit, which every endpoint of the application "
            + "that uses the same base URL and API key (one organization) shares: requests wait for budget instead of "
            + "drawing 429s. Deck counts 200 per 10 s per organization; lower it when other applications use the same "
            + "organization. 0: no pacing.")
    private int rateLimit = 200;

    @Metadata(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration", description = "The window rateLimit counts in.")
    private long rateLimitWindow = 10_000;

    @Metadata(label = "advanced", defaultValue = "0", description = "runTask holds new runs while this many runs started by "
            + "the application (per organization) are not finished, and starts each as one finishes; a held runTask waits "
            + "up to sessionLimitTimeout. 0: off.")
    private int maxConcurrentRuns;

    @Metadata(label = "advanced", autowired = true, description = "The organization's request budget kept where every "
            + "instance of the application sees it, so that several JVMs together stay within rateLimit instead of "
            + "taking it each: e.g. a Bucket4jClusterBudget over a Hazelcast map. Without it, each instance has rateLimit "
            + "to itself: set rateLimit to the organization's limit divided by the instances.")
    private ClusterBudget clusterBudget;

    private DeckHttpTransport transport;
    private ScheduledExecutorService scheduler;

    public DeckComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeckOperation operation = DeckOperation.fromName(remaining);
        if (operation == DeckOperation.events) {
            ScheduledPollOptions.rejectFor(operation, parameters);
        }
        DeckConfiguration endpointConfiguration = configuration.copy();
        DeckEndpoint endpoint = new DeckEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The pooled HTTP client every endpoint of this component shares, created on first use. */
    synchronized DeckHttpTransport getTransport() throws Exception {
        if (transport == null) {
            SSLContextParameters ssl = sslContextParameters;
            if (ssl == null && useGlobalSslContextParameters) {
                ssl = retrieveGlobalSslContextParameters();
            }
            TransportOptions options = new TransportOptions(maxTotalConnections, connectionsPerRoute,
                    configuration.getConnectTimeout(), proxyHost, proxyPort,
                    ssl != null ? ssl.createSSLContext(getCamelContext()) : null);
            HttpClientConfigurer configurer = httpClientConfigurer;
            transport = DeckHttpTransport.create(options, configurer != null ? configurer::configureHttpClient : null);
        }
        return transport;
    }

    /** The threads that send retries and waitForCompletion polls for every endpoint, created on first use. */
    public synchronized ScheduledExecutorService getScheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "Deck",
                    SchedulerProfiles.unbounded("Deck", workerPoolSize));
        }
        return scheduler;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // before Camel Main prints the properties the routes resolved (a Kamelet's webhookSecret among them)
        SensitiveKeywords.register(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (scheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
                scheduler = null;
            }
            if (transport != null) {
                transport.close();
                transport = null;
            }
        }
        super.doStop();
    }

    /** The organization that this base URL and key belong to, shared in the CamelContext. */
    Organization getOrganization(String baseUrl, String apiKey) {
        return Organizations.of(getCamelContext()).organization(baseUrl, apiKey, rateLimit,
                Duration.ofMillis(rateLimitWindow), clusterBudget);
    }

    @ManagedAttribute(description = "Requests sent in the current window, summed over the Deck organizations of the "
            + "CamelContext")
    public int getBudgetRequestsInWindow() {
        return budgetTotal().usedInWindow();
    }

    @ManagedAttribute(description = "Requests waiting for budget now")
    public int getBudgetWaitingRequests() {
        return budgetTotal().waiting();
    }

    @ManagedAttribute(description = "429 rate_limit_exceeded answers Deck gave")
    public long getBudgetRateLimitedAnswers() {
        return budgetTotal().rateLimitedAnswers();
    }

    @ManagedAttribute(description = "The longest a request has waited for budget, in milliseconds")
    public long getBudgetLongestWaitMillis() {
        return budgetTotal().longestWait().toMillis();
    }

    private RequestBudget.Snapshot budgetTotal() {
        return Organizations.of(getCamelContext()).total();
    }

    public ClusterBudget getClusterBudget() {
        return clusterBudget;
    }

    public void setClusterBudget(ClusterBudget clusterBudget) {
        this.clusterBudget = clusterBudget;
    }

    public int getMaxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    public void setMaxConcurrentRuns(int maxConcurrentRuns) {
        this.maxConcurrentRuns = maxConcurrentRuns;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public DeckConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeckConfiguration configuration) {
        this.configuration = configuration;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(int maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public int getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(int connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }
}
