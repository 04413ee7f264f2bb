package io.github.cameldeck.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What a consumer has emitted, recorded only after the exchange succeeded: keys being routed are claimed (so a second
 * copy of the same run or event is not emitted meanwhile), a successful exchange records its key in the idempotent
 * repository, and a failed one releases it to be offered again. Both deck consumers keep their ledger this way.
 */
public final class EmittedLedger {

    private final IdempotentRepository repository;
    private final boolean ownsRepository;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    /**
     * @param repository     where the keys are recorded, already started
     * @param ownsRepository whether {@link #close()} stops the repository (a user's one) or leaves it running (the
     *                       endpoint's in-memory default, which outlives the consumer)
     */
    public EmittedLedger(IdempotentRepository repository, boolean ownsRepository) {
        this.repository = repository;
        this.ownsRepository = ownsRepository;
    }

    public IdempotentRepository repository() {
        return repository;
    }

    /** Whether the key was emitted or is being routed. */
    public boolean contains(String key) {
        return claimed.contains(key) || repository.contains(key);
    }

    /**
     * Takes the key for routing, unless it was emitted or is being routed. The repository is asked after the claim: an
     * exchange that just completed records its key before it releases its claim.
     */
    public boolean claim(String key) {
        if (!claimed.add(key)) {
            return false;
        }
        if (repository.contains(key)) {
            claimed.remove(key);
            return false;
        }
        return true;
    }

    /** The exchange of a claimed key succeeded: records it, then releases the claim. */
    public void recordEmitted(String key) {
        try {
            repository.add(key);
            repository.confirm(key);
        } finally {
            claimed.remove(key);
        }
    }

    /** The exchange of a claimed key failed (or was never routed): the key may be offered again. */
    public void release(String key) {
        claimed.remove(key);
    }

    /** Forgets the claims and stops the repository when it is the user's. */
    public void close() {
        claimed.clear();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
    }
}
