package io.github.cameldeck.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckExternalIdException;
import io.github.cameldeck.model.Credential;

/**
 * Which credential a customer's own id ({@code external_id}) names, and which external id a credential has, as one
 * organization's endpoints share them: each lookup is one Deck call, remembered for the asking endpoint's time to live
 * (at most {@value #MAX_ENTRIES} of each kind, the least recently used forgotten first). Concurrent lookups of one key
 * share one call, so 500 exchanges of one customer cost one request; a lookup that failed is not remembered.
 */
public final class CredentialDirectory {

    static final int MAX_ENTRIES = 10_000;
    /** Enough to name a few of the credentials that share an external id. */
    private static final int SEVERAL = 10;

    private final LongSupplier nanoTime;
    private final Map<String, Entry> credentialIds = lru();
    private final Map<String, Entry> externalIds = lru();

    private record Entry(CompletableFuture<String> value, long since) {
    }

    public CredentialDirectory(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The one credential, not deleted, with this external id (at {@code sourceId} when not null).
     *
     * @return a future failed with {@link DeckExternalIdException} when none or several have it
     */
    public CompletableFuture<String> credentialIdOf(DeckClient client, String externalId, String sourceId, long ttlMs) {
        String key = externalId + '\u0000' + (sourceId != null ? sourceId : "");
        return lookUp(credentialIds, key, ttlMs, () -> client
                .fetchPage("/credentials", QueryParams.create()
                        .add("external_id", externalId)
                        .addEach("source_id", sourceId != null ? List.of(sourceId) : List.of())
                        .addEach("status", List.of("unverified", "verified", "invalid"))
                        .add("limit", SEVERAL)
                        .build(), null, Credential.class)
                .thenApply(page -> {
                    // Deck applies the status filter; a credential deleted meanwhile is left out all the same
                    List<String> ids = page.data().stream()
                            .filter(c -> !"deleted".equals(c.getStatus()))
                            .map(Credential::getId)
                            .toList();
                    if (ids.size() != 1 || page.hasMore()) {
                        throw new DeckExternalIdException(externalId, sourceId, ids, page.hasMore());
                    }
                    remember(externalIds, ids.get(0), externalId);
                    return ids.get(0);
                }));
    }

    /** The external id of the credential; the future holds null when it has none, or Deck does not know it. */
    public CompletableFuture<String> externalIdOf(DeckClient client, String credentialId, long ttlMs) {
        return lookUp(externalIds, credentialId, ttlMs, () -> client
                .fetch("/credentials/" + DeckHttpTransport.encode(credentialId), List.of(), Credential.class)
                .thenApply(Credential::getExternalId)
                .exceptionallyCompose(error -> Futures.unwrap(error) instanceof DeckApiException api
                        && api.getHttpResponseCode() == 404
                                ? CompletableFuture.completedFuture(null)
                                : CompletableFuture.failedFuture(Futures.unwrap(error))));
    }

    /** Remembers what a credential Deck returned says: its external id (none counts too). */
    public void remember(Credential credential) {
        if (credential.getId() != null) {
            remember(externalIds, credential.getId(), credential.getExternalId());
        }
    }

    /** Forgets everything about the credential: Deck refused it as deleted or unknown, or it was changed or deleted. */
    public void forget(String credentialId) {
        synchronized (this) {
            externalIds.remove(credentialId);
            credentialIds.values().removeIf(entry -> entry.value().isDone() && !entry.value().isCompletedExceptionally()
                    && credentialId.equals(entry.value().join()));
        }
    }

    private CompletableFuture<String> lookUp(Map<String, Entry> cache, String key, long ttlMs,
            java.util.function.Supplier<CompletableFuture<String>> call) {
        long now = nanoTime.getAsLong();
        Entry entry;
        synchronized (this) {
            entry = cache.get(key);
            if (entry != null && !isFresh(entry, now, ttlMs)) {
                cache.remove(key);
                entry = null;
            }
            if (entry == null) {
                entry = new Entry(new CompletableFuture<>(), now);
                if (ttlMs > 0) {
                    cache.put(key, entry);
                }
            } else {
                return entry.value();
            }
        }
        Entry mine = entry;
        call.get().whenComplete((value, error) -> {
            if (error != null) {
                synchronized (this) {
                    cache.remove(key, mine);
                }
                mine.value().completeExceptionally(Futures.unwrap(error));
            } else {
                mine.value().complete(value);
            }
        });
        return mine.value();
    }

    private boolean isFresh(Entry entry, long now, long ttlMs) {
        return ttlMs > 0 && now - entry.since() < TimeUnit.MILLISECONDS.toNanos(ttlMs)
                && !entry.value().isCompletedExceptionally();
    }

    private synchronized void remember(Map<String, Entry> cache, String key, String value) {
        cache.put(key, new Entry(CompletableFuture.completedFuture(value), nanoTime.getAsLong()));
    }

    private static Map<String, Entry> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
