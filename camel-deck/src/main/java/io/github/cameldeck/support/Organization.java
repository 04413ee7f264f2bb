package io.github.cameldeck.support;

import java.util.function.Supplier;

import io.github.cameldeck.client.CredentialDirectory;
import io.github.cameldeck.client.RequestBudget;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunWatcher;

/**
 * What the endpoints of one Deck organization (base URL + API key) share in a CamelContext: the request budget, the
 * run watcher of their waits and the maxConcurrentRuns slots. Got from {@link Organizations} when an endpoint starts.
 */
public final class Organization {

    private final RequestBudget budget;
    private final CredentialDirectory credentials = new CredentialDirectory(System::nanoTime);
    private RunWatcher watcher;
    private RunSlots slots;

    Organization(RequestBudget budget) {
        this.budget = budget;
    }

    public RequestBudget budget() {
        return budget;
    }

    /** The external ids of the organization's credentials, as its endpoints looked them up. */
    public CredentialDirectory credentials() {
        return credentials;
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
