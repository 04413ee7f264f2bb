package io.github.cameldeck.taskruns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.EventLogReader;
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
    private Clock clock = Clock.systemUTC();
    private EmittedLedger ledger;
    private List<RunSource> sources = List.of();
    private final Deque<RunCandidate> retries = new ArrayDeque<>();
    private final Deque<RunCandidate> backlog = new ArrayDeque<>();

    public DeckTaskRunsConsumer(DeckEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
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

    /** The clock the start position and lookback are read from (tests set one). */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        ledger = endpoint.openLedger();
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        // the endpoint is started before its consumer, so its client is ready
        sources = createSources(endpoint.getClient(), endpoint.getTaskRunQuery());
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
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        int emitted = 0;
        boolean catchingUp;
        do {
            catchingUp = isCatchingUp();
            if (backlog.isEmpty()) {
                fill();
            }
            Queue<Object> exchanges = new ArrayDeque<>();
            while (!backlog.isEmpty() && emitted + exchanges.size() < limit) {
                RunCandidate candidate = backlog.poll();
                if (!ledger.contains(candidate.key())) {
                    exchanges.add(createExchange(candidate));
                }
            }
            if (!exchanges.isEmpty()) {
                emitted += processBatch(exchanges);
            }
        } while (catchingUp && backlog.isEmpty() && emitted < limit && isRunAllowed() && !isSuspendingOrSuspended());
        if (!backlog.isEmpty()) {
            LOG.debug("{} runs wait for the next poll (maxMessagesPerPoll={})", backlog.size(), maxMessagesPerPoll);
        }
        return emitted;
    }

    private boolean isCatchingUp() {
        return sources.stream().anyMatch(RunSource::isCatchingUp);
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

    private Exchange createExchange(RunCandidate candidate) {
        Exchange exchange = createExchange(true);
        exchange.getIn().setBody(candidate.run());
        RunHeaders.set(exchange.getIn(), candidate.run());
        exchange.setProperty(RunCandidate.class.getName(), candidate);
        return exchange;
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
            RunCandidate candidate = exchange.getProperty(RunCandidate.class.getName(), RunCandidate.class);
            exchange.removeProperty(RunCandidate.class.getName());
            if (!ledger.claim(candidate.key())) {
                continue;
            }
            exchange.getExchangeExtension().addOnCompletion(new EmittedRecorder(candidate));
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        }
        // exchanges not processed because the consumer is stopping are offered again on the next start
        for (Object left : exchanges) {
            RunCandidate candidate = ((Exchange) left).getProperty(RunCandidate.class.getName(), RunCandidate.class);
            if (candidate != null) {
                backlog.addFirst(candidate);
            }
        }
        return total;
    }

    /** Records a run as emitted once its exchange completed; a failed one is offered again on the next poll. */
    private final class EmittedRecorder implements Synchronization {
        private final RunCandidate candidate;

        EmittedRecorder(RunCandidate candidate) {
            this.candidate = candidate;
        }

        @Override
        public void onComplete(Exchange exchange) {
            ledger.recordEmitted(candidate.key());
            candidate.source().emitted(candidate);
        }

        @Override
        public void onFailure(Exchange exchange) {
            ledger.release(candidate.key());
            synchronized (DeckTaskRunsConsumer.this) {
                retries.add(candidate);
            }
            LOG.debug("Task run {} ({}) was not processed; it is offered again on the next poll",
                    candidate.run().getId(),
                    candidate.key());
        }
    }
}
