package io.github.cameldeck.examples.cluster;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;

/**
 * Writes the Hazelcast cluster as this node sees it to {@code members-<nodeId>.log}: {@code <epochMillis> <nodeId>
 * members <count>} at start and on each change, and {@code <epochMillis> <nodeId> removed <otherNodeId>} when a member
 * is dropped (how long Hazelcast takes to notice a killed JVM).
 */
public final class MembershipLog implements InitialMembershipListener {

    /** The member attribute that carries the node id. */
    public static final String NODE_ATTRIBUTE = "node";

    private final String nodeId;
    private final LineLog log;

    public MembershipLog(String nodeId, LineLog log) {
        this.nodeId = nodeId;
        this.log = log;
    }

    @Override
    public void init(InitialMembershipEvent event) {
        members(event.getMembers().size());
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        members(event.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        log.append(System.currentTimeMillis() + " " + nodeId + " removed " + nodeOf(event.getMember()));
        members(event.getMembers().size());
    }

    private void members(int count) {
        log.append(System.currentTimeMillis() + " " + nodeId + " members " + count);
    }

    private static String nodeOf(Member member) {
        String node = member.getAttribute(NODE_ATTRIBUTE);
        return node != null ? node : member.getAddress().toString();
    }
}
