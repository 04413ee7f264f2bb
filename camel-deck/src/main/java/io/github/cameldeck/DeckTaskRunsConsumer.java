package io.github.cameldeck;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
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
 * it completes. Events carry no output, so the runs behind them are fetched (in bulk with the list when there are more
 * than a few). A run is recorded in the idempotent repository only after its exchange completed; a failed exchange is
 * offered again on the next poll.
 */
public class DeckTaskRunsConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DeckTaskRunsConsumer.class);

    /** How far before its start the consumer reads terminal events: covers clock skew between this host and Deck. */
    static final Duration START_MARGIN = Duration.ofSeconds(60);
    static final int DEFAULT_REPOSITORY_SIZE = 10_000;
    /** The most events turned into candidates in one fill, so memory stays bounded after a long pause. */
    static final int MAX_EVENTS_PER_FILL = 1_000;

    private final DeckEndpoint endpoint;
    private final DeckConfiguration configuration;
    private IdempotentRepository repository;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Keys emitted by the catch-up that the event feed will read again at the hand-over; kept out of any LRU. */
    private final Set<String> handOver = ConcurrentHashMap.newKeySet();
    private final Deque<RunCandidate> retries = new ArrayDeque<>();
    private final Deque<RunCandidate> backlog = new ArrayDeque<>();

    private WatchedStatuses watched;
    private TaskRunsCatchUp catchUp;
    private TaskRunEventFeed terminalFeed;
    private TaskRunEventFeed episodeFeed;
    private TaskRunHydrator hydrator;
    private Instant handOverUntil;
    private Instant startedAt;

    public DeckTaskRunsConsumer(DeckEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    /** The repository that records what was emitted: the configured one, or the bounded in-memory default. */
    public IdempotentRepository getIdempotentRepository() {
        return repository;
    }

    @Override
    public DeckEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        repository = endpoint.startIdempotentRepository();
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        // the endpoint is started before its consumer, so its client is ready
        resetPosition();
        super.doStart();
    }

    private void resetPosition() {
        DeckClient client = endpoint.getClient();
        TaskRunQuery query = endpoint.getTaskRunQuery();
        watched = WatchedStatuses.of(query.statuses());
        Instant now = Instant.now();
        startedAt = now;
        Instant lookbackStart = now.minusMillis(configuration.getLookback());
        hydrator = new TaskRunHydrator(client, query);
        backlog.clear();
        retries.clear();
        handOver.clear();
        catchUp = null;
        terminalFeed = null;
        episodeFeed = null;
        if (!watched.terminal().isEmpty()) {
            catchUp = new TaskRunsCatchUp(client, query.withStatusesAndRange(watched.terminal(), lookbackStart, null));
            Instant feedStart = now.minus(START_MARGIN);
            terminalFeed = new TaskRunEventFeed(client, watched.terminal(), feedStart, 100);
            handOverUntil = feedStart;
        }
        if (!watched.nonTerminal().isEmpty()) {
            episodeFeed = new TaskRunEventFeed(client, watched.nonTerminal(), lookbackStart, 100);
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        endpoint.stopIdempotentRepository(repository);
        inFlight.clear();
    }

    /**
     * Emits what is waiting, else what the next read finds. While the start-up catch-up lasts, one poll goes on page by
     * page (one page in memory at a time) until the catch-up is done or maxMessagesPerPoll is reached, so a backlog
     * drains at the rate Deck serves pages rather than one page per {@code delay}.
     */
    @Override
    protected int poll() throws Exception {
        LOG.trace("Polling; {} runs wait from the last poll", backlog.size());
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        int emitted = 0;
        boolean catchingUp;
        do {
            catchingUp = catchUp != null && !catchUp.isDone();
            if (backlog.isEmpty()) {
                fill();
            }
            Queue<Object> exchanges = new ArrayDeque<>();
            while (!backlog.isEmpty() && emitted + exchanges.size() < limit) {
                RunCandidate candidate = backlog.poll();
                if (!alreadyEmitted(candidate.key())) {
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

    /** Reads what to emit next: failed runs again, the catch-up, then the event log. */
    private void fill() {
        List<RunCandidate> found = new ArrayList<>();
        if (catchUp != null && !catchUp.isDone()) {
            for (TaskRun run : catchUp.nextPage()) {
                String key = WatchedStatuses.terminalKey(run.getId(), run.getStatusValue());
                if (!alreadyEmitted(key)) {
                    found.add(new RunCandidate(key, run, enteredAt(run)));
                }
            }
            if (catchUp.isDone()) {
                LOG.debug("Catch-up done; following the event log from {}", terminalFeed.readFrom());
            }
        } else {
            if (terminalFeed != null) {
                found.addAll(readFeed(terminalFeed, true));
            }
            if (episodeFeed != null) {
                found.addAll(readFeed(episodeFeed, false));
            }
            if (handOverUntil != null && terminalFeed != null
                    && terminalFeed.readFrom().isAfter(handOverUntil.plus(TaskRunEventFeed.OVERLAP.multipliedBy(2)))) {
                handOver.clear();
                handOverUntil = null;
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

    private List<RunCandidate> readFeed(TaskRunEventFeed feed, boolean terminal) {
        TaskRunEventFeed.Read read = feed.read(event -> {
            String key = keyOf(event, terminal);
            return key != null && !alreadyEmitted(key) && matchesSummary(event);
        });
        Map<String, DeckEvent> pending = new LinkedHashMap<>();
        Instant newest = read.newest();
        boolean capped = false;
        for (DeckEvent event : read.wanted()) {
            if (pending.size() >= MAX_EVENTS_PER_FILL) {
                // the rest is read again from here on the next poll
                newest = event.getCreatedAt().toInstant();
                capped = true;
                break;
            }
            pending.put(keyOf(event, terminal), event);
        }
        List<RunCandidate> found = new ArrayList<>();
        if (!pending.isEmpty()) {
            Map<String, TaskRun> runs = hydrator.fetch(new ArrayList<>(pending.values()));
            for (Map.Entry<String, DeckEvent> entry : pending.entrySet()) {
                TaskRun run = runs.get(entry.getValue().dataText("id"));
                if (run != null && matchesRun(run) && (terminal || isCurrentOrNew(entry.getValue(), run))) {
                    found.add(new RunCandidate(entry.getKey(), run, entry.getValue().getCreatedAt().toInstant()));
                }
            }
        }
        if (newest != null) {
            feed.handledUpTo(newest);
        }
        if (!capped) {
            feed.handledAll();
        }
        return found;
    }

    /** The key that records the event's entry into its status, or null for an event that is not a usable run event. */
    private static String keyOf(DeckEvent event, boolean terminal) {
        String runId = event.dataText("id");
        String type = event.getType();
        if (runId == null || type == null || !type.startsWith("task_run.") || event.getCreatedAt() == null) {
            return null;
        }
        String status = type.substring("task_run.".length());
        return terminal
                ? WatchedStatuses.terminalKey(runId, status)
                : WatchedStatuses.episodeKey(runId, status, event.getId());
    }

    /**
     * An episode that ended before this consumer started (the run has left the status since) is not emitted: nobody can
     * act on it any more. Episodes seen while the consumer runs are emitted even when they are over by the time the run
     * is fetched.
     */
    private boolean isCurrentOrNew(DeckEvent event, TaskRun run) {
        boolean beforeStart = event.getCreatedAt().toInstant().isBefore(startedAt);
        return !beforeStart || event.getType().equals("task_run." + run.getStatusValue())
                || run.getStatus() == TaskRunStatus.fromValue(event.getType().substring("task_run.".length()));
    }

    /** The list filters Deck applies for the catch-up, applied here to an event's summary (where it has the field). */
    private boolean matchesSummary(DeckEvent event) {
        TaskRunQuery query = endpoint.getTaskRunQuery();
        return matches(query.taskId(), event.dataText("task_id"))
                && matches(query.agentId(), event.dataText("agent_id"))
                && matches(query.credentialId(), event.dataText("credential_id"))
                && (query.sourceIds().isEmpty() || event.dataText("source_id") == null
                        || query.sourceIds().contains(event.dataText("source_id")))
                && (query.outcomes().isEmpty() || event.dataText("result") == null
                        || query.outcomes().contains(event.dataText("result")));
    }

    /** The same filters on the full run, which has every field. */
    private boolean matchesRun(TaskRun run) {
        TaskRunQuery query = endpoint.getTaskRunQuery();
        return (query.taskId() == null || query.taskId().equals(run.getTaskId()))
                && (query.agentId() == null || query.agentId().equals(run.getAgentId()))
                && (query.credentialId() == null || query.credentialId().equals(run.getCredentialId()))
                && (query.sourceIds().isEmpty() || query.sourceIds().contains(run.getSourceId()))
                && (query.workflowId() == null || query.workflowId().equals(run.getWorkflowId()))
                && (query.outcomes().isEmpty() || query.outcomes().contains(run.getResult()));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || actual == null || wanted.equals(actual);
    }

    private boolean alreadyEmitted(String key) {
        return inFlight.contains(key) || handOver.contains(key) || repository.contains(key);
    }

    private static Instant enteredAt(TaskRun run) {
        if (run.getUpdatedAt() != null) {
            return run.getUpdatedAt().toInstant();
        }
        return run.getCreatedAt() != null ? run.getCreatedAt().toInstant() : Instant.EPOCH;
    }

    private Exchange createExchange(RunCandidate candidate) {
        Exchange exchange = createExchange(true);
        exchange.getIn().setBody(candidate.run());
        DeckProducer.setRunHeaders(exchange.getIn(), candidate.run());
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
            if (!inFlight.add(candidate.key())) {
                continue;
            }
            exchange.getExchangeExtension().addOnCompletion(new EmittedRecorder(candidate));
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing task run " + candidate.run().getId(), exchange,
                        exchange.getException());
            }
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
            try {
                repository.add(candidate.key());
                repository.confirm(candidate.key());
                if (handOverUntil != null
                        && !candidate.enteredAt().isBefore(handOverUntil.minus(TaskRunEventFeed.OVERLAP))) {
                    handOver.add(candidate.key());
                }
            } finally {
                inFlight.remove(candidate.key());
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            inFlight.remove(candidate.key());
            synchronized (DeckTaskRunsConsumer.this) {
                retries.add(candidate);
            }
            LOG.debug("Task run {} ({}) was not processed; it is offered again on the next poll",
                    candidate.run().getId(),
                    candidate.key());
        }
    }

}
