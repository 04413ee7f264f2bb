package io.github.cameldeck.simulator.webhook;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.simulator.FaultInjection;
import io.github.cameldeck.simulator.SimulatorStats;
import io.github.cameldeck.simulator.core.DeliveryTicket;
import io.github.cameldeck.simulator.core.EventDestinationService;
import io.github.cameldeck.simulator.core.WebhookEndpoint;
import io.github.cameldeck.simulator.core.WebhookOutbox;

/**
 * Delivers events to webhook destinations on a small pool of daemon threads: signs each attempt, retries failures
 * with exponential backoff, records the outcome and applies the webhook faults. Fault decisions are taken when the
 * event arrives (in event order, under the simulator's lock) so that a seeded run is reproducible; the HTTP calls run
 * outside the lock, and deliveries of different events run concurrently.
 */
public final class WebhookDispatcher implements WebhookOutbox {

    private final EventDestinationService destinations;
    private final FaultInjection faults;
    private final SimulatorStats stats;
    private final WebhookSettings settings;
    private final ScheduledThreadPoolExecutor threads;
    private final WebhookSender sender;
    /** Jobs submitted and not finished: guarded by this. */
    private final Set<WebhookJob> live = new HashSet<>();

    public WebhookDispatcher(EventDestinationService destinations, FaultInjection faults, SimulatorStats stats,
            WebhookSettings settings) {
        this.destinations = destinations;
        this.faults = faults;
        this.stats = stats;
        this.settings = settings;
        AtomicInteger counter = new AtomicInteger();
        this.threads = new ScheduledThreadPoolExecutor(settings.threads(), r -> {
            Thread t = new Thread(r, "deck-simulator-webhook-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.setRemoveOnCancelPolicy(true);
        this.sender = new WebhookSender(settings.timeout());
    }

    @Override
    public boolean submit(DeliveryTicket ticket) {
        if (faults.roll(faults.dropWebhookRate())) {
            stats.recordWebhookFault();
            return false;
        }
        boolean duplicate = faults.roll(faults.duplicateWebhookRate());
        long delay = 0;
        if (faults.roll(faults.delayWebhookRate())) {
            delay = faults.randomWebhookDelay().toMillis();
        }
        boolean[] corrupt = new boolean[EventDestinationService.MAX_ATTEMPTS];
        for (int i = 0; i < corrupt.length; i++) {
            corrupt[i] = faults.roll(faults.corruptWebhookSignatureRate());
        }
        if (duplicate) {
            stats.recordWebhookFault();
        }
        if (delay > 0) {
            stats.recordWebhookFault();
        }
        return start(new WebhookJob(ticket, false, duplicate, corrupt, null), delay);
    }

    /** Deliveries queued, waiting for a retry or in flight. */
    public synchronized int pending() {
        return live.size();
    }

    /**
     * Waits until no delivery is pending.
     *
     * @throws IllegalStateException if some still are after {@code timeout}
     */
    public synchronized void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!live.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new IllegalStateException(
                        live.size() + " webhook deliveries still pending after " + timeout.toMillis() + " ms");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for webhook deliveries", e);
            }
        }
    }

    /** Abandons every pending delivery (attempts in flight finish, but nothing more is sent or recorded). */
    public synchronized void cancelAll() {
        for (WebhookJob job : live) {
            job.cancelled = true;
            if (job.scheduled != null) {
                job.scheduled.cancel(false);
            }
        }
        live.clear();
        notifyAll();
    }

    /** Cancels everything and ends the delivery threads. */
    public void shutdown() {
        cancelAll();
        threads.shutdownNow();
        sender.close();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
            sender.awaitClosed(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean start(WebhookJob job, long delayMillis) {
        synchronized (this) {
            live.add(job);
        }
        return schedule(job, delayMillis);
    }

    private boolean schedule(WebhookJob job, long delayMillis) {
        try {
            job.scheduled = threads.schedule(() -> attempt(job), delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            finish(job);
            return false;
        }
    }

    private synchronized void finish(WebhookJob job) {
        if (live.remove(job) && live.isEmpty()) {
            notifyAll();
        }
    }

    private void attempt(WebhookJob job) {
        if (job.cancelled) {
            return;
        }
        try {
            WebhookEndpoint endpoint = destinations.endpoint(job.ticket.destinationId());
            if (endpoint == null) {
                finish(job); // the destination was deleted
                return;
            }
            String webhookId = job.ticket.event().id();
            byte[] body = job.body();
            // the wall clock, not the simulator's: receivers compare it with their own clock
            long timestamp = System.currentTimeMillis() / 1000;
            String signature;
            if (job.corrupts(job.attempts)) {
                stats.recordWebhookFault();
                signature = WebhookSigner.corruptedHeader(endpoint.secrets(), webhookId, timestamp, body);
            } else {
                signature = WebhookSigner.header(endpoint.secrets(), webhookId, timestamp, body);
            }
            boolean success = sender.send(endpoint, webhookId, timestamp, signature, body);
            if (job.cancelled) {
                return;
            }
            job.attempts++;
            stats.recordWebhookAttempt(success);
            if (job.copy) {
                finish(job);
            } else if (success) {
                destinations.recordOutcome(job.ticket, true, job.attempts);
                if (job.duplicate) {
                    start(job.copyOf(), 0);
                }
                finish(job);
            } else if (job.attempts < EventDestinationService.MAX_ATTEMPTS) {
                schedule(job, settings.retryDelayMillis(job.attempts));
            } else {
                destinations.recordOutcome(job.ticket, false, job.attempts);
                finish(job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(job);
        } catch (RuntimeException e) {
            System.err.println("deck-simulator: webhook delivery failed unexpectedly: " + e);
            finish(job);
        }
    }
}
