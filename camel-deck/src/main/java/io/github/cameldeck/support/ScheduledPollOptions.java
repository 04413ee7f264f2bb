package io.github.cameldeck.support;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * The scheduled-poll options every deck endpoint accepts (the deck endpoint is a {@link ScheduledPollEndpoint}, for the
 * taskRuns consumer) and that mean nothing to an operation that does not poll.
 */
public final class ScheduledPollOptions {

    private static final Set<String> NAMES = names();

    private ScheduledPollOptions() {
    }

    /**
     * Refuses scheduled-poll options for an operation that does not poll, naming them.
     *
     * @param operation  named in the message
     * @param parameters the endpoint URI's options
     */
    public static void rejectFor(Object operation, Map<String, Object> parameters) {
        Set<String> given = new TreeSet<>();
        for (String name : parameters.keySet()) {
            if (NAMES.contains(name) || name.startsWith("scheduler.")) {
                given.add(name);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("deck:" + operation + " does not poll, so it has no use for "
                    + String.join(", ", given) + " (options of the polling consumer deck:taskRuns); remove "
                    + (given.size() == 1 ? "it" : "them"));
        }
    }

    /** The names of ScheduledPollEndpoint's own URI options, as Camel's tooling lists them. */
    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Field field : ScheduledPollEndpoint.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null) {
                names.add(param.name().isEmpty() ? field.getName() : param.name());
            }
        }
        return names;
    }
}
