package io.github.cameldeck.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "cluster.node-id", "node-2",
            "cluster.hazelcast.port", "5702",
            "cluster.hazelcast.members", "127.0.0.1:5701, 127.0.0.1:5702,127.0.0.1:5703",
            "cluster.hazelcast.cluster-name", "test-cluster",
            "cluster.lock.root", "/tmp/lock",
            "cluster.lock.acquire-interval", "1s",
            "cluster.lock.heartbeat-timeout-multiplier", "3",
            "cluster.output-dir", "/tmp/out"));

    @Test
    void readsEveryProperty() {
        NodeSettings settings = NodeSettings.from(key -> Optional.ofNullable(properties.get(key)));

        assertThat(settings.nodeId()).isEqualTo("node-2");
        assertThat(settings.hazelcastPort()).isEqualTo(5702);
        assertThat(settings.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");
        assertThat(settings.lockTimings()).isEqualTo(new LockTimings(Duration.ofSeconds(1), 3));
        assertThat(settings.emittedLog()).isEqualTo(Path.of("/tmp/out/emitted-node-2.log"));
        assertThat(settings.leadershipLog()).isEqualTo(Path.of("/tmp/out/leadership-node-2.log"));
    }

    @Test
    void saysWhichPropertyIsMissing() {
        properties.remove("cluster.node-id");

        assertThatThrownBy(() -> NodeSettings.from(key -> Optional.ofNullable(properties.get(key))))
                .hasMessage("Property cluster.node-id is not set");
    }

    @Test
    void theHazelcastMemberStaysOnLoopbackWithTheListedMembersAndKeepsEveryKeyOnEveryMember() {
        NodeSettings settings = NodeSettings.from(key -> Optional.ofNullable(properties.get(key)));
        Config config = HazelcastMember.config(settings, new MembershipLog("node-2", null));

        assertThat(config.getClusterName()).isEqualTo("test-cluster");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5702);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");
        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        MapConfig repository = config.getMapConfig(HazelcastMember.REPOSITORY_MAP);
        assertThat(repository.getBackupCount()).isEqualTo(2);
        assertThat(repository.getAsyncBackupCount()).isZero();
        assertThat(config.getMemberAttributeConfig().getAttribute(MembershipLog.NODE_ATTRIBUTE)).isEqualTo("node-2");
    }
}
