package io.github.cameldeck.examples.cluster;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;

/**
 * Writes {@code <epochMillis> <nodeId> leader|follower} to {@code leadership-<nodeId>.log} each time this node's
 * leadership of a cluster view changes. Consecutive events with the same outcome are written once.
 */
public final class LeadershipLog implements CamelClusterEventListener.Leadership {

    private final String nodeId;
    private final LineLog log;
    private Boolean leader;

    public LeadershipLog(String nodeId, LineLog log) {
        this.nodeId = nodeId;
        this.log = log;
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        record(view.getLocalMember().isLeader());
    }

    synchronized void record(boolean isLeader) {
        if (leader == null || leader != isLeader) {
            leader = isLeader;
            log.append(System.currentTimeMillis() + " " + nodeId + " " + (isLeader ? "leader" : "follower"));
        }
    }
}
