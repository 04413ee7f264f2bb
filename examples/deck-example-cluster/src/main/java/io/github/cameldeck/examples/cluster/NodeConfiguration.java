package io.github.cameldeck.examples.cluster;

import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.cameldeck.client.Bucket4jClusterBudget;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Sets a node up before its routes start: the Hazelcast member with the repository ({@code #deckRuns}) and the
 * request budget ({@code #deckBudget}) on it, the
 * leader election ({@code master:} finds the cluster service among the context's services), the step that writes
 * what the node emitted ({@code #emittedLog}), and the log of this node's leadership.
 */
public final class NodeConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        NodeSettings settings = NodeSettings.from(key -> context.getPropertiesComponent().resolveProperty(key));

        HazelcastInstance hazelcast = HazelcastMember.start(settings,
                new MembershipLog(settings.nodeId(), new LineLog(settings.membersLog())));
        // services stop in reverse order, after the routes: the member outlives the last exchange's repository write
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                hazelcast.shutdown();
            }
        });
        context.getRegistry().bind("deckRuns",
                new HazelcastIdempotentRepository(hazelcast, HazelcastMember.REPOSITORY_MAP));
        // every node takes its Deck requests from one budget in Hazelcast (camel.component.deck.cluster-budget)
        context.getRegistry().bind("deckBudget", new Bucket4jClusterBudget(Bucket4jHazelcast
                .entryProcessorBasedBuilder(hazelcast.<String, byte[]>getMap(HazelcastMember.BUDGET_MAP)).build()));
        context.getRegistry().bind("emittedLog", new EmittedLog(settings.nodeId(), new LineLog(settings.emittedLog())));

        FileLockClusterService election = leaderElection(settings);
        context.addService(election);
        election.getView(NodeSettings.NAMESPACE)
                .addEventListener(new LeadershipLog(settings.nodeId(), new LineLog(settings.leadershipLog())));
    }

    private static FileLockClusterService leaderElection(NodeSettings settings) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(settings.nodeId());
        service.setRoot(settings.lockRoot().toString());
        LockTimings timings = settings.lockTimings();
        service.setAcquireLockInterval(timings.acquireInterval().toMillis(), TimeUnit.MILLISECONDS);
        // when the lock files exist (others run), wait one interval before the first attempt, as between attempts
        service.setAcquireLockDelay(timings.acquireInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(timings.heartbeatTimeoutMultiplier());
        return service;
    }
}
