package io.github.cameldeck.examples.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One node JVM started by the demo. */
public final class NodeProcess {

    private final String nodeId;
    private final Process process;

    private NodeProcess(String nodeId, Process process) {
        this.nodeId = nodeId;
        this.process = process;
    }

    /**
     * Starts {@code command} with {@code DECK_API_KEY} in its environment (not on its command line, where {@code ps}
     * shows it), its output and errors going to {@code output}.
     */
    static NodeProcess start(String nodeId, List<String> command, String apiKey, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DECK_API_KEY", apiKey);
        builder.redirectErrorStream(true);
        builder.redirectOutput(output.toFile());
        return new NodeProcess(nodeId, builder.start());
    }

    public String nodeId() {
        return nodeId;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL. No shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, so Camel shuts down gracefully; SIGKILL if it has not ended within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** SIGKILL without waiting: for shutdown hooks and cleanup. */
    void destroyNow() {
        process.destroyForcibly();
    }
}
