package io.github.cameldeck.support;

import java.time.Clock;
import java.util.function.Supplier;

import io.github.cameldeck.client.CredentialDirectory;
import io.github.cameldeck.client.DeckActivity;
import io.github.cameldeck.client.RequestBudget;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunWatcher;

/**
 * What the endpoints of one Deck organization (base URL + API key) share in a CamelContext: the request budget, the
 * run watcher of their waits, the maxConcurrentRuns slots and the record of their activity. Got from {@link Organizations} when an endpoint starts.
 */
public final class Organization {

    private final String baseUrl;
    private final RequestBudget budget;
    private final CredentialDirectory credentials = new CredentialDirectory(System::nanoTime);
    private final DeckActivity activity = new DeckActivity(Clock.systemUTC());
    private RunWatcher watcher;
    private RunSlots slots;
    private ProducerHealthCheck producerHealthCheck;

    Organization(String baseUrl, RequestBudget budget) {
        this.baseUrl = baseUrl;
        this.budget = budget;
    }

    /** The base URL of the organization's endpoints (the key, which tells organizations apart, is not kept here). */
    public String baseUrl() {
        return baseUrl;
    }

    public RequestBudget budget() {
        return budget;
    }

    /** The external ids of the organization's credentials, as its endpoints looked them up. */
    public CredentialDirectory credentials() {
        return credentials;
    }

    /** What the organization's clients did: every client of it reports to this. */
    public DeckActivity activity() {
        return activity;
    }

    /** The watcher, created by {@code factory} on first use; null before. */
    public synchronized RunWatcher watcherIfStarted() {
        return watcher;
    }

    /** The maxConcurrentRuns slots; null when no endpoint used them. */
    public synchronized RunSlots slotsIfUsed() {
        return slots;
    }

    /** The watcher, created by {@code factory} on first use. */
    public synchronized RunWatcher watcher(Supplier<RunWatcher> factory) {
        if (watcher == null) {
            watcher = factory.get();
        }
        return watcher;
    }

    /** The maxConcurrentRuns slots, created with {@code max} on first use. */
    public synchronized RunSlots slots(int max) {
        if (slots == null) {
            slots = new RunSlots(max);
        }
        return slots;
    }

    /** The health check of the organization's producers, created by {@code factory} on first use. */
    synchronized ProducerHealthCheck producerHealthCheck(Supplier<ProducerHealthCheck> factory) {
        if (producerHealthCheck == null) {
            producerHealthCheck = factory.get();
        }
        return producerHealthCheck;
    }

    synchronized void close() {
        budget.close();
        if (watcher != null) {
            watcher.close();
        }
        if (slots != null) {
            slots.close();
        }
    }
}
