package io.github.cameldeck.events;

import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * A CamelClusterService for tests: this instance is the leader of every namespace while the test says so.
 */
final class SwitchableClusterService extends AbstractCamelClusterService<SwitchableClusterService.View> {

    private volatile boolean leader;
    private View view;

    SwitchableClusterService() {
        super("switchable");
    }

    @Override
    protected View createView(String namespace) {
        view = new View(this, namespace);
        return view;
    }

    /** Makes this instance leader (or follower) and tells the views' listeners. */
    void setLeader(boolean leader) {
        this.leader = leader;
        if (view != null) {
            view.changed();
        }
    }

    final class View extends AbstractCamelClusterView {
        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return "local";
            }
        };

        View(SwitchableClusterService service, String namespace) {
            super(service, namespace);
        }

        void changed() {
            fireLeadershipChangedEvent(getLeader());
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }
    }
}
