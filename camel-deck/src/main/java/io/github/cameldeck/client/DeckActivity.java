package io.github.cameldeck.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.TaskRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the clients of one Deck organization did: request counts by outcome, the time requests waited for the budget,
 * the runs started, the bytes downloaded and the last errors with Deck's request id. It passes each report on to the
 * observers added to it (the metrics); an observer that throws is logged and skipped, never the client's problem.
 */
public final class DeckActivity implements DeckClientObserver {

    /** How many of the last errors are kept. */
    public static final int RECENT_ERRORS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(DeckActivity.class);

    private final Clock clock;
    private final List<DeckClientObserver> observers = new CopyOnWriteArrayList<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder networkErrors = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder runsStarted = new LongAdder();
    private final LongAdder bytesDownloaded = new LongAdder();
    private final LongAdder budgetWaitNanos = new LongAdder();
    private final AtomicLong longestBudgetWaitNanos = new AtomicLong();
    private final Deque<RecentError> recentErrors = new ArrayDeque<>();

    public DeckActivity(Clock clock) {
        this.clock = clock;
    }

    /** A call that failed for good: when, which request, Deck's status, error code and request id, the message. */
    public record RecentError(Instant at, String method, String path, int status, String errorCode,
            String requestId, String message) {
    }

    /**
     * The counts so far.
     *
     * @param requests          attempts sent (retries included)
     * @param successes         attempts answered 2xx
     * @param clientErrors      attempts answered 4xx, 429 included
     * @param serverErrors      attempts answered 5xx
     * @param networkErrors     attempts that got no answer
     * @param rateLimited       attempts answered 429
     * @param failedCalls       calls that failed for good, after their retries
     * @param runsStarted       runs runTask started
     * @param bytesDownloaded   bytes read from signed URLs
     * @param budgetWait        the time requests waited for the budget, summed up
     * @param longestBudgetWait the longest one request waited
     * @param recentErrors      the last {@value #RECENT_ERRORS} failed calls, oldest first
     */
    public record Snapshot(long requests, long successes, long clientErrors, long serverErrors, long networkErrors,
            long rateLimited, long failedCalls, long runsStarted, long bytesDownloaded, Duration budgetWait,
            Duration longestBudgetWait, List<RecentError> recentErrors) {
    }

    /** Passes every report on to {@code observer} too. */
    public void addObserver(DeckClientObserver observer) {
        observers.add(observer);
    }

    public void removeObserver(DeckClientObserver observer) {
        observers.remove(observer);
    }

    public Snapshot snapshot() {
        List<RecentError> errors;
        synchronized (recentErrors) {
            errors = List.copyOf(new ArrayList<>(recentErrors));
        }
        return new Snapshot(requests.sum(), successes.sum(), clientErrors.sum(), serverErrors.sum(),
                networkErrors.sum(), rateLimited.sum(), failedCalls.sum(), runsStarted.sum(), bytesDownloaded.sum(),
                Duration.ofNanos(budgetWaitNanos.sum()), Duration.ofNanos(longestBudgetWaitNanos.get()), errors);
    }

    @Override
    public void answered(DeckRequest request, int status, String errorCode, long elapsedNanos) {
        requests.increment();
        if (status < 0) {
            networkErrors.increment();
        } else if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
            if (status == 429) {
                rateLimited.increment();
            }
        } else {
            successes.increment();
        }
        tell(observer -> observer.answered(request, status, errorCode, elapsedNanos));
    }

    @Override
    public void waitedForBudget(long nanos) {
        budgetWaitNanos.add(nanos);
        longestBudgetWaitNanos.accumulateAndGet(nanos, Math::max);
        tell(observer -> observer.waitedForBudget(nanos));
    }

    @Override
    public void failed(DeckRequest request, DeckApiException error) {
        failedCalls.increment();
        RecentError recent = new RecentError(clock.instant(), request.method(), request.path(),
                error.getHttpResponseCode(), error.getErrorCode(), error.getRequestId(), error.getMessage());
        synchronized (recentErrors) {
            if (recentErrors.size() == RECENT_ERRORS) {
                recentErrors.removeFirst();
            }
            recentErrors.addLast(recent);
        }
        tell(observer -> observer.failed(request, error));
    }

    @Override
    public void runStarted(TaskRun run) {
        runsStarted.increment();
        tell(observer -> observer.runStarted(run));
    }

    @Override
    public void runSeen(TaskRun run) {
        tell(observer -> observer.runSeen(run));
    }

    @Override
    public void downloaded(long bytes) {
        bytesDownloaded.add(bytes);
        tell(observer -> observer.downloaded(bytes));
    }

    @Override
    public void delivered(String consumer, TaskRun run, Instant exchangeCreated) {
        tell(observer -> observer.delivered(consumer, run, exchangeCreated));
    }

    @Override
    public void webhookRefused(String reason) {
        tell(observer -> observer.webhookRefused(reason));
    }

    private void tell(Consumer<DeckClientObserver> report) {
        for (DeckClientObserver observer : observers) {
            try {
                report.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("An observer of Deck's calls failed and was skipped: {}", observer, e);
            }
        }
    }
}
