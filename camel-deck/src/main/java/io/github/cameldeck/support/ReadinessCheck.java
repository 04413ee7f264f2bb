package io.github.cameldeck.support;

import org.apache.camel.health.HealthCheck;

/**
 * A readiness check of camel-deck (group {@code camel}, never a liveness check) that can be switched off; subclasses
 * say what they check in {@link #call(java.util.Map)}.
 */
public abstract class ReadinessCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    protected ReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
