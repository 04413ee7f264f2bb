package io.github.cameldeck.examples.cluster;

import org.apache.camel.main.Main;

/**
 * One instance of the clustered application: Camel Main with {@link ClusterRoutes}, set up by
 * {@link NodeConfiguration} from {@code application.properties} and system properties ({@code -Dcluster.node-id=...};
 * see {@link NodeSettings}). Runs until it is stopped.
 */
public final class DeckClusterNode {

    /** The demo's process id: a node it started ends when the demo does, even if the demo was killed. */
    static final String PARENT_PID_PROPERTY = "cluster.parent-pid";

    private DeckClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Long parent = Long.getLong(PARENT_PID_PROPERTY);
        if (parent != null) {
            ProcessHandle.of(parent).ifPresentOrElse(handle -> handle.onExit().thenRun(() -> System.exit(3)),
                    () -> System.exit(3));
        }
        Main main = new Main();
        main.configure().addConfiguration(new NodeConfiguration());
        main.configure().addRoutesBuilder(new ClusterRoutes());
        main.run(args);
    }
}
