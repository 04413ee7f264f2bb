package io.github.cameldeck.events;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster (clusterNamespace), whether this instance is the one that reads Deck's event log: the leader of the
 * namespace in the application's CamelClusterService. Every instance still receives webhooks.
 */
final class CatchUpLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpLeadership.class);

    private final CamelClusterView view;
    private final CamelClusterEventListener.Leadership listener;

    private CatchUpLeadership(CamelClusterView view, CamelClusterEventListener.Leadership listener) {
        this.view = view;
        this.listener = listener;
    }

    /**
     * Joins the namespace; {@code onLeadership} runs (on the cluster service's thread) each time this instance becomes
     * the leader.
     */
    static CatchUpLeadership join(CamelContext context, String namespace, Runnable onLeadership) throws Exception {
        CamelClusterService service = ClusterServiceHelper.lookupService(context)
                .orElseThrow(
                        () -> new IllegalStateException("The clusterNamespace option needs a CamelClusterService in "
                                + "the Camel context (camel-kubernetes, camel-file, "
                                + "camel-zookeeper, ...: the one camel-master uses)"));
        CamelClusterView view = service.getView(namespace);
        CamelClusterEventListener.Leadership listener = (changed, leader) -> {
            if (view.getLocalMember().isLeader()) {
                onLeadership.run();
            }
        };
        view.addEventListener(listener);
        LOG.info("Reading Deck's event log only while leader of cluster namespace {}", namespace);
        return new CatchUpLeadership(view, listener);
    }

    boolean isLeader() {
        return view.getLocalMember().isLeader();
    }

    String namespace() {
        return view.getNamespace();
    }

    void leave() throws Exception {
        view.removeEventListener(listener);
        view.getClusterService().releaseView(view);
    }
}
