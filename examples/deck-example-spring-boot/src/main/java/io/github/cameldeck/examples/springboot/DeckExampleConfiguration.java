package io.github.cameldeck.examples.springboot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.cameldeck.examples.support.CodeBook;
import io.github.cameldeck.examples.support.RunTracker;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans the routes call, {@code codeBook} and {@code runs}, and the event notifier that reports a task Deck
 * refuses to run. Everything is read from Spring's environment: application.yml, the simulator's property source, the
 * command line and the environment variables.
 */
@Configuration(proxyBeanMethods = false)
public class DeckExampleConfiguration {

    /** Knows the answers: {@code demo.answers.<task id>}. */
    @Bean
    public CodeBook codeBook(Environment environment) {
        return new CodeBook(key -> Optional.ofNullable(environment.getProperty(key)));
    }

    /** Prints and collects what happens to the runs of {@code demo.task-ids}. */
    @Bean
    public RunTracker runs(Environment environment, CodeBook codeBook) {
        List<String> taskIds = taskIds(environment);
        Map<String, String> names = new LinkedHashMap<>(); // demo.task-names.<task id>, else the task id
        for (String id : taskIds) {
            names.put(id, environment.getProperty("demo.task-names." + id, id));
        }
        int expected = taskIds.size();
        return new RunTracker(System.out, System.nanoTime(), names, () -> expected, () -> {
        }, codeBook::canAnswer);
    }

    /**
     * A task Deck refuses to run (a wrong id, a wrong key) is reported and counted as done, so the demo still ends.
     * camel-spring-boot adds EventNotifier beans to the Camel context.
     */
    @Bean
    public EventNotifier refusedRuns(RunTracker runs) {
        return new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((ExchangeFailedEvent) event).getExchange();
                String taskId = exchange.getMessage().getHeader("CamelDeckTaskId", String.class);
                if ("start-runs".equals(exchange.getFromRouteId()) && taskId != null) {
                    runs.refused(taskId, exchange.getException());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeFailedEvent;
            }
        };
    }

    /** The comma-separated {@code demo.task-ids}. */
    static List<String> taskIds(Environment environment) {
        return Arrays.stream(environment.getProperty("demo.task-ids", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
