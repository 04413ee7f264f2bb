package io.github.cameldeck.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cameldeck.DeckApiException;

/**
 * One call to Deck, from its first attempt to its answer. Each attempt takes a permit of the organization's request
 * budget, then is sent. 5xx answers, network errors and unreadable bodies are retried up to maxRetries times; Deck's
 * limits are waited out without counting: 429 rate_limit_exceeded waits for the budget again (up to rateLimitTimeout
 * of waiting), 429 session_limit_exceeded tries again with backoff (up to sessionLimitTimeout). No thread waits: a
 * later attempt is sent from the scheduler, or from the budget's grant.
 */
final class DeckCall<T> {

    private final DeckRequest request;
    private final Function<DeckResponse, T> reader;
    private final DeckClient.Context context;
    private final LongSupplier nanoClock;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private int retries;
    private int rateLimitedAnswers;
    private long waitingForBudgetSince = -1;
    private long sessionLimitedSince = -1;
    private int sessionTries;
    private DeckApiException lastRateLimited;

    DeckCall(DeckRequest request, Function<DeckResponse, T> reader, DeckClient.Context context,
            LongSupplier nanoClock) {
        this.request = request;
        this.reader = reader;
        this.context = context;
        this.nanoClock = nanoClock;
    }

    CompletableFuture<T> start() {
        takePermitAndSend();
        return result;
    }

    private void takePermitAndSend() {
        long now = nanoClock.getAsLong();
        if (waitingForBudgetSince < 0) {
            waitingForBudgetSince = now;
        }
        long left = TimeUnit.MILLISECONDS.toNanos(context.retryPolicy().rateLimitTimeoutMs())
                - (now - waitingForBudgetSince);
        if (left <= 0) {
            fail(budgetExhausted(null));
            return;
        }
        // a permit granted at once runs send() right here, on the calling thread
        long askedAt = now;
        context.budget().acquire(request.priority(), left, context.scheduler()).whenComplete((granted, error) -> {
            if (error != null) {
                fail(budgetExhausted(error));
            } else {
                context.observer().waitedForBudget(nanoClock.getAsLong() - askedAt);
                send();
            }
        });
    }

    private void send() {
        DeckResponse response;
        long sentAt = nanoClock.getAsLong();
        try {
            response = context.transport().send(request, context.settings());
        } catch (IOException e) {
            context.observer().answered(request, -1, null, nanoClock.getAsLong() - sentAt);
            waitingForBudgetSince = -1;
            retryOrFail(-1, () -> context.errorReader().fromNetworkError(request, e, retries));
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        long elapsed = nanoClock.getAsLong() - sentAt;
        if (!response.isSuccess()) {
            DeckApiException answer = context.errorReader().fromResponse(request, response, retries);
            context.observer().answered(request, response.status(), answer.getErrorCode(), elapsed);
            answered(response, answer);
            return;
        }
        context.observer().answered(request, response.status(), null, elapsed);
        waitingForBudgetSince = -1;
        T value;
        try {
            value = reader.apply(response);
        } catch (UnreadableAnswerException e) {
            retryOrFail(-1, () -> e.withRetries(retries));
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        result.complete(value);
    }

    private void answered(DeckResponse response, DeckApiException answer) {
        if (response.status() == 429) {
            limited(answer);
            return;
        }
        waitingForBudgetSince = -1;
        if (RetryPolicy.isRetryableStatus(response.status())) {
            retryOrFail(response.retryAfterMs(), () -> context.errorReader().fromResponse(request, response, retries));
        } else {
            fail(answer);
        }
    }

    private void limited(DeckApiException answer) {
        if ("session_limit_exceeded".equals(answer.getErrorCode())) {
            waitingForBudgetSince = -1;
            long now = nanoClock.getAsLong();
            if (sessionLimitedSince < 0) {
                sessionLimitedSince = now;
            }
            long limitMs = context.retryPolicy().sessionLimitTimeoutMs();
            if (now - sessionLimitedSince >= TimeUnit.MILLISECONDS.toNanos(limitMs)) {
                fail(context.errorReader().limitOutlasted(answer,
                        "every agent session of the organization stayed in use for " + limitMs
                                + " ms (sessionLimitTimeout), over "
                                + (sessionTries + 1) + " tries"));
                return;
            }
            later(context.retryPolicy().sessionDelayMs(sessionTries++), () -> answer);
            return;
        }
        rateLimitedAnswers++;
        lastRateLimited = answer;
        context.budget().rateLimited();
        if (context.budget().limit() == 0) {
            // no pacing: wait the pause the budget would have made
            later(context.budget().pauseMillis(), () -> budgetExhausted(null));
        } else {
            takePermitAndSend();
        }
    }

    private void retryOrFail(long retryAfterMs, Supplier<DeckApiException> failure) {
        if (!context.retryPolicy().canRetry(retries)) {
            fail(failure.get());
            return;
        }
        long delay = context.retryPolicy().delayMs(retries, retryAfterMs);
        retries++;
        later(delay, failure);
    }

    private void later(long delayMs, Supplier<DeckApiException> failure) {
        ScheduledExecutorService scheduler = context.scheduler();
        try {
            scheduler.schedule(this::takePermitAndSend, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: report the failure we have instead of trying again
            fail(failure.get());
        }
    }

    private void fail(DeckApiException error) {
        context.observer().failed(request, error);
        result.completeExceptionally(error);
    }

    private DeckApiException budgetExhausted(Throwable cause) {
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - waitingForBudgetSince);
        String detail = "Deck's request budget for this organization stayed exhausted for " + waitedMs
                + " ms (rateLimitTimeout " + context.retryPolicy().rateLimitTimeoutMs() + " ms)"
                + (rateLimitedAnswers > 0
                        ? "; Deck answered 429 rate_limit_exceeded " + rateLimitedAnswers + " times"
                        : "")
                + (cause instanceof BudgetExhaustedException ? ": " + cause.getMessage() : "");
        return context.errorReader().budgetExhausted(request, detail, lastRateLimited, Futures.unwrap(cause));
    }
}
