package io.github.cameldeck.support;

import org.apache.camel.spi.ThreadPoolProfile;

/**
 * Thread pool profiles for camel-deck's schedulers. Their queues hold one delayed task per waiting call, wait or
 * retry (thousands under load), so they are unbounded: Camel's default profile caps a scheduler's queue at 1,000 tasks
 * and refuses the rest, which would fail the 1,001st concurrent wait.
 */
public final class SchedulerProfiles {

    private SchedulerProfiles() {
    }

    public static ThreadPoolProfile unbounded(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(-1);
        profile.setAllowCoreThreadTimeOut(false);
        return profile;
    }
}
