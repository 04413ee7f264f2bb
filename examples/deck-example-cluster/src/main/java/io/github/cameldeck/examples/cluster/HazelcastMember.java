package io.github.cameldeck.examples.cluster;

import java.time.Duration;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;

/**
 * The embedded Hazelcast member each node runs; the members together hold the shared idempotent repository and the
 * Deck organization's request budget.
 */
public final class HazelcastMember {

    /** The map of the repository: the keys of the runs emitted by any node. */
    public static final String REPOSITORY_MAP = "deck-runs";
    /** The map of the Deck organization's request budget that the nodes share (one Bucket4j bucket). */
    public static final String BUDGET_MAP = "deck-budget";
    /** Where Bucket4j's Hazelcast serializers take their type ids from (any range no other serializer uses). */
    private static final int BUCKET4J_TYPE_ID_BASE = 1000;

    private HazelcastMember() {
    }

    /** Starts the member and returns once it has joined (or formed) the cluster. */
    public static HazelcastInstance start(NodeSettings settings, MembershipLog membershipLog) {
        return Hazelcast.newHazelcastInstance(config(settings, membershipLog));
    }

    static Config config(NodeSettings settings, MembershipLog membershipLog) {
        Config config = new Config();
        config.setInstanceName("deck-cluster-" + settings.nodeId());
        config.setClusterName(settings.clusterName());
        config.getMemberAttributeConfig().setAttribute(MembershipLog.NODE_ATTRIBUTE, settings.nodeId());
        config.addListenerConfig(new ListenerConfig(membershipLog));

        // loopback only, explicit members: no multicast, no member of another demo joined by accident
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.hazelcastPort()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());

        // a killed member is dropped after 5 s without heartbeat (default 60 s), so its partitions move to the survivors
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // the node shuts the member down after Camel stopped, so an exchange completing during shutdown is recorded
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        // two synchronous backups: with three members every member holds every key, so any single survivor has them all;
        // a key is needed as long as the consumer's lookback (24 h by default) can bring its run back
        config.addMapConfig(new MapConfig(REPOSITORY_MAP).setBackupCount(2).setAsyncBackupCount(0)
                .setTimeToLiveSeconds((int) Duration.ofDays(2).toSeconds()));
        // the budget's bucket survives a kill -9 the same way; its entry processor travels in Bucket4j's own format
        config.addMapConfig(new MapConfig(BUDGET_MAP).setBackupCount(2).setAsyncBackupCount(0));
        HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), BUCKET4J_TYPE_ID_BASE);
        return config;
    }
}
