package io.github.cameldeck.taskruns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.EventLogReader;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.TaskRunHydrator;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.support.EmittedLedger;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taskRuns consumer: emits each run once each time it enters a watched status.
 * <p>
 * On start it catches up: the runs created within lookback that are already in a watched terminal status, read with
 * {@code GET /task-runs} (filtered by status), and the non-terminal episodes of that period from the event log. From
 * then on it follows Deck's event log ({@code GET /events?type=task_run.<status>}): one request per poll when nothing
 * happened, however many runs are within lookback, and a run that completes long after its creation is seen as soon as
 * it completes. Each of these is a {@link RunSource}; this class asks them for candidates, emits what the ledger does
 * not hold, oldest first, and records a run as emitted only after its exchange completed; a failed exchange is offered
 * again on the next poll.
 * <p>
 * Threads: the scheduler's poll thread reads Deck (waiting for each answer) and hands each exchange to the route
 * asynchronously; the ledger is written on the thread that completes the exchange.
 */
public class DeckTaskRunsConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DeckTaskRunsConsumer.class);

    /** How far before its start the consumer reads terminal events: covers clock skew between this host and Deck. */
    static final Duration START_MARGIN = Duration.ofSeconds(60);

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;
    private final RunEmitter emitter;
    private Clock clock = Clock.systemUTC();
    private EmittedLedger ledger;
    private volatile List<RunSource> sources = List.of();
    private final Deque<RunCandidate> retries = new ArrayDeque<>();
    private final Deque<RunCandidate> backlog = new ArrayDeque<>();
    /** Read by {@link #position()} on other threads; the deque itself is the poll thread's. */
    private volatile int backlogAfterPoll;
    private volatile Instant lastPoll;

    public DeckTaskRunsConsumer(DeckEndpoint endpoint, Processor processor) {
        this(endpoint, processor, RunEmitter.RUN);
    }

    /** A consumer of the runs the endpoint's filters select that emits, for each run, what {@code emitter} says. */
    protected DeckTaskRunsConsumer(DeckEndpoint endpoint, Processor processor, RunEmitter emitter) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.emitter = emitter;
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("The maxMessagesPerPoll option must not be negative");
        }
    }

    /** The repository that records what was emitted: the configured one, or the bounded in-memory default. */
    public IdempotentRepository getIdempotentRepository() {
        return ledger != null ? ledger.repository() : null;
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    /** Where the consumer stands: catch-up, event-log watermark, backlog, retries, last poll. */
    public TaskRunsPosition position() {
        List<RunSource> current = sources;
        Instant watermark = null;
        if (current != null) {
            for (RunSource source : current) {
                Instant at = source.readFrom();
                if (at != null && (watermark == null || at.isBefore(watermark))) {
                    watermark = at;
                }
            }
        }
        int retrying;
        synchronized (this) {
            retrying = retries.size();
        }
        return new TaskRunsPosition(current != null && current.stream().noneMatch(RunSource::isCatchingUp),
                watermark, backlogAfterPoll, retrying, lastPoll);
    }

    /** The clock the start position and lookback are read from (tests set one). */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        ledger = endpoint.openLedger();
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        // the endpoint is started before its consumer, so its client is ready
        // with an externalId, the sources are created by the first poll, which looks its credential up
        sources = configuration.getExternalId() == null
                ? createSources(endpoint.getClient(), endpoint.getTaskRunQuery())
                : null;
        backlog.clear();
        retries.clear();
        super.doStart();
    }

    private List<RunSource> createSources(DeckClient client, TaskRunQuery query) {
        WatchedStatuses watched = WatchedStatuses.of(query.statuses());
        Instant now = clock.instant();
        Instant lookbackStart = now.minusMillis(configuration.getLookback());
        TaskRunHydrator hydrator = new TaskRunHydrator(client, query);
        List<RunSource> created = new ArrayList<>();
        if (!watched.terminal().isEmpty()) {
            Instant handOver = now.minus(START_MARGIN);
            TaskRunEventFeed feed = TaskRunEventFeed.terminal(
                    new EventLogReader(client, eventTypes(watched.terminal())),
                    query, hydrator, handOver);
            created.add(new TaskRunsCatchUp(client, query.withStatusesAndRange(watched.terminal(), lookbackStart, null),
                    feed));
            created.add(feed);
        }
        if (!watched.nonTerminal().isEmpty()) {
            created.add(TaskRunEventFeed.episodes(new EventLogReader(client, eventTypes(watched.nonTerminal())), query,
                    hydrator, lookbackStart, now));
        }
        return List.copyOf(created);
    }

    private static List<String> eventTypes(List<String> statuses) {
        return statuses.stream().map(DeckEvent::taskRunType).toList();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ledger != null) {
            ledger.close();
        }
    }

    /**
     * Emits what is waiting, else what the next read finds. While a source catches up, one poll goes on page by page
     * (one page in memory at a time) until the catch-up is done or maxMessagesPerPoll is reached, so a backlog drains at
     * the rate Deck serves pages rather than one page per {@code delay}.
     */
    @Override
    protected int poll() throws Exception {
        LOG.trace("Polling; {} runs wait from the last poll", backlog.size());
        lastPoll = clock.instant();
        if (sources == null) {
            String sourceId = configuration.getSourceId();
            String credentialId = Futures.await(endpoint.credentialIdOf(configuration.getExternalId().trim(),
                    sourceId != null && !sourceId.contains(",") ? sourceId.trim() : null));
            sources = createSources(endpoint.getClient(), endpoint.getTaskRunQuery().withCredentialId(credentialId));
        }
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        int emitted = 0;
        boolean catchingUp;
        do {
            catchingUp = isCatchingUp();
            if (backlog.isEmpty()) {
                fill();
            }
            Queue<Object> exchanges = new ArrayDeque<>();
            int runs = 0;
            while (!backlog.isEmpty() && emitted + runs < limit) {
                RunCandidate candidate = backlog.poll();
                if (!ledger.contains(candidate.key())) {
                    runs++;
                    exchanges.addAll(createExchanges(candidate));
                }
            }
            if (!exchanges.isEmpty()) {
                emitted += processBatch(exchanges);
            }
        } while (catchingUp && backlog.isEmpty() && emitted < limit && isRunAllowed() && !isSuspendingOrSuspended());
        backlogAfterPoll = backlog.size();
        if (!backlog.isEmpty()) {
            LOG.debug("{} runs wait for the next poll (maxMessagesPerPoll={})", backlog.size(), maxMessagesPerPoll);
        }
        return emitted;
    }

    private boolean isCatchingUp() {
        return sources != null && sources.stream().anyMatch(RunSource::isCatchingUp);
    }

    /** Reads what to emit next: failed runs again, and what the sources find (only those catching up, while any is). */
    private void fill() {
        List<RunCandidate> found = new ArrayList<>();
        boolean catchingUp = isCatchingUp();
        for (RunSource source : sources) {
            if (!catchingUp || source.isCatchingUp()) {
                found.addAll(source.next(ledger::contains));
            }
        }
        // taken only now: when a read above fails, the failed runs wait for the next poll
        synchronized (this) {
            found.addAll(retries);
            retries.clear();
        }
        // a failed run offered again may also come back from the event log's overlap: keep one per key
        Map<String, RunCandidate> unique = new LinkedHashMap<>();
        for (RunCandidate candidate : found) {
            unique.putIfAbsent(candidate.key(), candidate);
        }
        List<RunCandidate> sorted = new ArrayList<>(unique.values());
        Collections.sort(sorted);
        backlog.addAll(sorted);
    }

    /**
     * The exchanges of a run, one per emission not done yet. A run with none left is recorded at once; one whose
     * emissions cannot be read now is offered again on the next poll.
     */
    private List<Exchange> createExchanges(RunCandidate candidate) {
        List<RunEmitter.Emission> emissions;
        try {
            emissions = emitter.emissions(candidate.run(), candidate.key(), ledger::contains);
        } catch (Exception e) {
            getExceptionHandler().handleException("Could not read what to emit for task run "
                    + candidate.run().getId() + "; it is offered again on the next poll", e);
            synchronized (this) {
                retries.add(candidate);
            }
            return List.of();
        }
        if (emissions.isEmpty()) {
            ledger.recordEmitted(candidate.key());
            candidate.source().emitted(candidate);
            return List.of();
        }
        RunProgress progress = new RunProgress(candidate, emissions.size());
        List<Exchange> exchanges = new ArrayList<>(emissions.size());
        for (RunEmitter.Emission emission : emissions) {
            Exchange exchange = createExchange(true);
            exchange.setProperty(Pending.PROPERTY, new Pending(emission, progress));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            Pending pending = exchange.getProperty(Pending.PROPERTY, Pending.class);
            exchange.removeProperty(Pending.PROPERTY);
            String key = pending.emission().key();
            if (!ledger.claim(key)) {
                pending.progress().done(Outcome.SKIPPED);
                continue;
            }
            try {
                pending.emission().filler().fill(exchange);
                RunHeaders.setOrRemove(exchange.getIn(), DeckConstants.EXTERNAL_ID,
                        Futures.await(endpoint.externalIdOf(pending.progress().candidate.run())));
            } catch (Exception e) {
                ledger.release(key);
                pending.progress().done(Outcome.FAILED);
                getExceptionHandler().handleException("Could not prepare " + key + " of task run "
                        + pending.progress().candidate.run().getId() + "; it is offered again on the next poll",
                        exchange, e);
                continue;
            }
            exchange.getExchangeExtension().addOnCompletion(new EmittedRecorder(key, pending.progress()));
            endpoint.getObserver().delivered(endpoint.getOperation().name(), pending.progress().candidate.run(),
                    Instant.ofEpochMilli(exchange.getClock().getCreated()));
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        }
        // exchanges not processed because the consumer is stopping are offered again on the next start
        Set<RunCandidate> left = new LinkedHashSet<>();
        for (Object exchange : exchanges) {
            Pending pending = ((Exchange) exchange).getProperty(Pending.PROPERTY, Pending.class);
            if (pending != null) {
                left.add(pending.progress().candidate);
            }
        }
        left.forEach(backlog::addFirst);
        return total;
    }

    /** An emission waiting in a batch, and the run it belongs to. */
    private record Pending(RunEmitter.Emission emission, RunProgress progress) {
        static final String PROPERTY = Pending.class.getName();
    }

    /** How an emission ended: routed with success, routed with a failure, or not routed (emitted or in flight already). */
    private enum Outcome {
        SUCCEEDED, FAILED, SKIPPED
    }

    /**
     * How far the emissions of one run got. Once each is done: the run's own key is recorded when all succeeded; the run
     * is offered again on the next poll when one failed (what succeeded is skipped then by its key); and when one was
     * skipped because it was in flight already, the run is left to be found again.
     */
    private final class RunProgress {
        private final RunCandidate candidate;
        private int open;
        private boolean failed;
        private boolean skipped;

        RunProgress(RunCandidate candidate, int emissions) {
            this.candidate = candidate;
            this.open = emissions;
        }

        void done(Outcome outcome) {
            synchronized (this) {
                failed |= outcome == Outcome.FAILED;
                skipped |= outcome == Outcome.SKIPPED;
                if (--open > 0) {
                    return;
                }
            }
            if (skipped && !failed) {
                return;
            }
            if (failed) {
                synchronized (DeckTaskRunsConsumer.this) {
                    retries.add(candidate);
                }
                LOG.debug("Task run {} ({}) was not processed; it is offered again on the next poll",
                        candidate.run().getId(), candidate.key());
            } else {
                ledger.recordEmitted(candidate.key());
                candidate.source().emitted(candidate);
            }
        }
    }

    /** Records an emission once its exchange completed; a failed one is offered again on the next poll. */
    private final class EmittedRecorder implements Synchronization {
        private final String key;
        private final RunProgress progress;

        EmittedRecorder(String key, RunProgress progress) {
            this.key = key;
            this.progress = progress;
        }

        @Override
        public void onComplete(Exchange exchange) {
            ledger.recordEmitted(key);
            progress.done(Outcome.SUCCEEDED);
        }

        @Override
        public void onFailure(Exchange exchange) {
            ledger.release(key);
            progress.done(Outcome.FAILED);
        }
    }
}
