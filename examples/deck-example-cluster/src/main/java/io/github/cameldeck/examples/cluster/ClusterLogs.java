package io.github.cameldeck.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads what the nodes wrote to their output directory: {@code emitted-<node>.log}, {@code leadership-<node>.log} and
 * {@code members-<node>.log}. A line being written while it is read (no line feed yet) is left for the next read.
 */
public final class ClusterLogs {

    private final Path directory;
    private final List<String> nodeIds;

    public ClusterLogs(Path directory, List<String> nodeIds) {
        this.directory = directory;
        this.nodeIds = List.copyOf(nodeIds);
    }

    /** The run ids {@code nodeId} emitted, in order. */
    public List<String> emitted(String nodeId) {
        return lines(NodeSettings.emittedLog(directory, nodeId)).stream().map(line -> line.split(" ")[1]).toList();
    }

    /** Every node's leadership changes, oldest first. */
    public List<LeadershipChange> leadership() {
        List<LeadershipChange> changes = new ArrayList<>();
        for (String nodeId : nodeIds) {
            lines(NodeSettings.leadershipLog(directory, nodeId))
                    .forEach(line -> changes.add(LeadershipChange.parse(line)));
        }
        changes.sort(Comparator.comparingLong(LeadershipChange::at));
        return changes;
    }

    /** The node among {@code candidates} whose latest change made it the leader. */
    public Optional<String> leader(Collection<String> candidates) {
        List<LeadershipChange> changes = leadership();
        return candidates.stream().filter(nodeId -> {
            List<LeadershipChange> own = changes.stream().filter(c -> c.nodeId().equals(nodeId)).toList();
            return !own.isEmpty() && own.get(own.size() - 1).leader();
        }).findFirst();
    }

    /** The first change after {@code since} that made one of {@code candidates} the leader. */
    public Optional<LeadershipChange> leaderSince(long since, Collection<String> candidates) {
        return leadership().stream().filter(c -> c.leader() && c.at() >= since && candidates.contains(c.nodeId()))
                .findFirst();
    }

    /** How many Hazelcast members {@code nodeId} saw last. */
    public OptionalInt members(String nodeId) {
        List<String> counts = lines(NodeSettings.membersLog(directory, nodeId)).stream()
                .filter(line -> line.contains(" members ")).toList();
        return counts.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(counts.get(counts.size() - 1).split(" ")[3]));
    }

    /** When the first surviving member dropped {@code removedNodeId} from the Hazelcast cluster. */
    public OptionalLong memberRemovedAt(String removedNodeId) {
        return nodeIds.stream().flatMap(nodeId -> lines(NodeSettings.membersLog(directory, nodeId)).stream())
                .map(line -> line.split(" "))
                .filter(fields -> fields.length == 4 && fields[2].equals("removed") && fields[3].equals(removedNodeId))
                .mapToLong(fields -> Long.parseLong(fields[0])).min();
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : text.substring(0, end).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
