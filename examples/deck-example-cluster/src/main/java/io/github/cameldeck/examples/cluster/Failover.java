package io.github.cameldeck.examples.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * One {@code kill -9} of the leader and what followed. Times are epoch milliseconds, the clock every JVM of the host
 * shares; -1 when it did not happen.
 *
 * @param killedNode      the leader that was killed
 * @param killedAt        when it was killed
 * @param createdBefore   runs created by then
 * @param newLeader       the node whose leadership log said {@code leader} next, null if none did
 * @param leaderAt        when it did
 * @param firstEmissionAt when the demo first saw a new line in the new leader's emitted log
 * @param memberRemovedAt when the first survivor's Hazelcast member dropped the killed one
 */
public record Failover(String killedNode, long killedAt, int createdBefore, String newLeader, long leaderAt,
        long firstEmissionAt, long memberRemovedAt) {

    /** From the kill to the new leader's {@code leader} line. */
    public Optional<Duration> takeover() {
        return since(leaderAt);
    }

    /** From the kill to the new leader's first emitted run. */
    public Optional<Duration> firstEmission() {
        return since(firstEmissionAt);
    }

    /** From the kill to Hazelcast dropping the killed member. */
    public Optional<Duration> memberRemoval() {
        return since(memberRemovedAt);
    }

    public Failover withMemberRemovedAt(long at) {
        return new Failover(killedNode, killedAt, createdBefore, newLeader, leaderAt, firstEmissionAt, at);
    }

    private Optional<Duration> since(long at) {
        return at < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(at - killedAt));
    }
}
