package io.github.cameldeck.simulator.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.core.ApiException;

/**
 * {@code Idempotency-Key} handling: the first successful (2xx) response for a key is kept for 24 hours of simulated
 * time and replayed for a request with the same method, path and JSON body (compared parsed); a different request
 * with the key gets 409. Failed responses are not kept, so a retry executes again. Requests with the same key are
 * serialized, so two concurrent ones never both execute.
 */
public final class IdempotencyCache {

    public static final int MAX_KEY_LENGTH = 256;
    static final Duration TTL = Duration.ofHours(24);

    /** What "the same parameters" means: method, path with query, and the parsed body. */
    public record RequestFingerprint(String method, String target, JsonNode body) {
    }

    /** A response and whether it came from the cache. */
    public record Result(ApiResponse response, boolean replayed) {
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        RequestFingerprint fingerprint;
        ApiResponse response;
        Instant expiresAt;
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final SimulatorClock clock;
    private final AtomicInteger storedSincePrune = new AtomicInteger();

    public IdempotencyCache(SimulatorClock clock) {
        this.clock = clock;
    }

    /** Rejects keys longer than {@value #MAX_KEY_LENGTH} characters with 400 {@code idempotency_key_error}. */
    public static void checkKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(400, new DeckError("idempotency", "idempotency_key_error",
                    "Idempotency key must be at most " + MAX_KEY_LENGTH + " characters"));
        }
    }

    public Result execute(String key, RequestFingerprint fingerprint, Supplier<ApiResponse> action) {
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                if (slots.get(key) != slot) {
                    continue; // the slot was dropped while we waited; start over with the current one
                }
                Instant now = clock.now();
                if (slot.response != null && !now.isBefore(slot.expiresAt)) {
                    slot.response = null;
                    slot.fingerprint = null;
                }
                if (slot.response != null) {
                    if (!Objects.equals(slot.fingerprint, fingerprint)) {
                        throw new ApiException(409, new DeckError("idempotency", "idempotency_error",
                                "Idempotency key has already been used with different parameters."));
                    }
                    return new Result(slot.response, true);
                }
                ApiResponse response;
                try {
                    response = action.get();
                } catch (RuntimeException e) {
                    slots.remove(key, slot);
                    throw e;
                }
                if (response.isSuccess()) {
                    slot.fingerprint = fingerprint;
                    slot.response = response;
                    slot.expiresAt = now.plus(TTL);
                    pruneOccasionally(now);
                } else {
                    slots.remove(key, slot);
                }
                return new Result(response, false);
            } finally {
                slot.lock.unlock();
            }
        }
    }

    public void clear() {
        slots.clear();
    }

    public int size() {
        return slots.size();
    }

    private void pruneOccasionally(Instant now) {
        if (storedSincePrune.incrementAndGet() % 10_000 != 0) {
            return;
        }
        for (Iterator<Map.Entry<String, Slot>> it = slots.entrySet().iterator(); it.hasNext();) {
            Slot slot = it.next().getValue();
            if (slot.lock.tryLock()) {
                try {
                    if (slot.response != null && !now.isBefore(slot.expiresAt)) {
                        it.remove();
                    }
                } finally {
                    slot.lock.unlock();
                }
            }
        }
    }
}
