package io.github.cameldeck.examples.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the nodes write, and how the demo reads it back. */
class NodeFilesTest {

    @TempDir
    Path dir;

    @Test
    void theLeadershipLogWritesOnlyChanges() throws Exception {
        try (LineLog log = new LineLog(NodeSettings.leadershipLog(dir, "n1"))) {
            LeadershipLog leadership = new LeadershipLog("n1", log);
            leadership.record(true);
            leadership.record(true);
            leadership.record(false);
        }
        List<LeadershipChange> changes = new ClusterLogs(dir, List.of("n1")).leadership();

        assertThat(changes).extracting(LeadershipChange::nodeId, LeadershipChange::leader)
                .containsExactly(tuple("n1", true),
                        tuple("n1", false));
        assertThat(new ClusterLogs(dir, List.of("n1")).leader(List.of("n1"))).isEmpty();
    }

    @Test
    void theLatestLeaderAmongTheCandidatesIsFound() throws Exception {
        Files.writeString(NodeSettings.leadershipLog(dir, "n1"), "1000 n1 leader\n");
        Files.writeString(NodeSettings.leadershipLog(dir, "n2"), "5000 n2 leader\n");
        ClusterLogs logs = new ClusterLogs(dir, List.of("n1", "n2", "n3"));

        assertThat(logs.leader(List.of("n2", "n3"))).contains("n2");
        assertThat(logs.leaderSince(2000, List.of("n2", "n3")))
                .hasValueSatisfying(c -> assertThat(c.at()).isEqualTo(5000));
        assertThat(logs.leaderSince(6000, List.of("n2", "n3"))).isEmpty();
    }

    @Test
    void aLineWithoutItsLineFeedIsNotReadYet() throws Exception {
        Files.writeString(NodeSettings.emittedLog(dir, "n1"), "n1 trun_1\nn1 trun_2\nn1 tru");

        assertThat(new ClusterLogs(dir, List.of("n1")).emitted("n1")).containsExactly("trun_1", "trun_2");
    }

    @Test
    void membersAndRemovalsAreRead() throws Exception {
        Files.writeString(NodeSettings.membersLog(dir, "n2"),
                "1000 n2 members 1\n2000 n2 members 3\n9000 n2 removed n1\n9000 n2 members 2\n");
        Files.writeString(NodeSettings.membersLog(dir, "n3"),
                "2000 n3 members 3\n8500 n3 removed n1\n8500 n3 members 2\n");
        ClusterLogs logs = new ClusterLogs(dir, List.of("n1", "n2", "n3"));

        assertThat(logs.members("n2")).hasValue(2);
        assertThat(logs.members("n1")).isEmpty();
        assertThat(logs.memberRemovedAt("n1")).hasValue(8500);
        assertThat(logs.memberRemovedAt("n2")).isEmpty();
    }
}
