package io.github.cameldeck.examples.main;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.cameldeck.examples.main.FileDigests.filesIn;
import static io.github.cameldeck.examples.main.FileDigests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The files of completed runs sent to an SFTP server: {@code deck:storageItems} to camel-ftp's {@code sftp:}, against
 * the simulator over HTTP and an Apache MINA SSHD server embedded on loopback, with password login and the server's
 * host key checked against a known_hosts file.
 */
class StorageItemsToSftpTest {

    private static final String USER = "archive";
    private static final String PASSWORD = "archive-password";

    @RegisterExtension
    final DeckSimulatorExtension deck = DeckSimulatorExtension.create();

    @TempDir
    Path serverRoot;

    @TempDir
    Path clientDir;

    @Test
    void eachFileOfEachCompletedRunArrivesOnceWithItsBytes(DeckSimulator sim) throws Exception {
        Task task = sim.createTask(sim.createAgent("Archive agent").id(), "Monthly statements",
                Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(20)).withFiles(
                        StorageFile.pdf("statement.pdf", 150_000), StorageFile.csv("transactions.csv", 20_000),
                        StorageFile.png("receipt.png", 8_000)));
        String before = completedRun(sim, task); // found by the consumer's catch-up at start

        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.start(serverRoot, USER, PASSWORD);
                CamelContext camel = new DefaultCamelContext()) {
            Path knownHosts = sftp.writeKnownHosts(clientDir.resolve("known_hosts"));
            DeckComponent component = camel.getComponent("deck", DeckComponent.class);
            component.getConfiguration().setApiKey(sim.apiKey());
            component.getConfiguration().setBaseUrl(sim.baseUrl());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:storageItems?initialDelay=0&delay=100").routeId("archive")
                            .to("sftp://" + USER + "@127.0.0.1:" + sftp.port() + "/archive?password=RAW(" + PASSWORD
                                    + ")&fileName=${header.CamelDeckRunId}/${header.CamelFileName}"
                                    + "&knownHostsFile=" + knownHosts
                                    + "&useUserKnownHostsFile=false&strictHostKeyChecking=yes");
                }
            });
            camel.start();
            String after = completedRun(sim, task); // found in Deck's event log while the route runs

            Map<Path, String> expected = new HashMap<>(); // archive/<run id>/<file name> -> SHA-256 of Deck's bytes
            for (String runId : List.of(before, after)) {
                for (var item : sim.taskRun(runId).storage()) {
                    expected.put(Path.of("archive", runId, item.fileName()), sha256(sim.fileContent(item.id())));
                }
            }
            await().atMost(20, TimeUnit.SECONDS).until(() -> sftp.uploads().size() >= expected.size());
            awaitPolls(camel, "archive", 3); // nothing more to send

            assertThat(filesIn(serverRoot)).isEqualTo(expected);
            assertThat(sftp.uploads()).as("each file uploaded once").hasSize(6).containsOnlyKeys(
                    expected.keySet().stream().map(path -> "/" + path.toString().replace('\\', '/')).toList())
                    .allSatisfy((path, uploads) -> assertThat(uploads).as(path).isOne());
            assertThat(sim.stats().downloads().requests()).as("each file downloaded once").isEqualTo(6);
        }
    }

    private static String completedRun(DeckSimulator sim, Task task) {
        String runId = sim.startRun(task.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim.taskRun(runId).status()));
        return runId;
    }

    /** Waits until the route's polling consumer polled {@code polls} more times. */
    private static void awaitPolls(CamelContext camel, String routeId, int polls) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute(routeId).getConsumer();
        long start = consumer.getCounter();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.getCounter() > start + polls);
    }
}
