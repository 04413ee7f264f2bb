package io.github.cameldeck.examples.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the demo at Deck or at an embedded Deck simulator, before any bean (and so the Camel context) is created.
 * Registered in {@code META-INF/spring.factories}, so it runs for {@code SpringApplication.run} and for
 * {@code @SpringBootTest} alike.
 * <p>
 * With an API key ({@code camel.component.deck.api-key}, which application.yml takes from {@code DECK_API_KEY}) it
 * leaves everything to the configuration. Without one it starts a simulator on a free port, seeded with the demo tasks
 * and with Deck's rate limit, and puts a property source first that points the component at it
 * ({@code camel.component.deck.base-url}, {@code api-key}) and gives the demo its tasks, their names and the answers
 * their sites ask for ({@code demo.*}). The simulator is the bean {@code deckSimulator}, stopped when the context
 * closes, after the Camel context.
 */
public class DeckSimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The name of the property source that points the demo at the simulator. */
    public static final String PROPERTY_SOURCE = "deckSimulator";

    /** The seeded simulator tasks the demo runs, and the answers their sites ask for, in order. */
    static final Map<String, String> SIMULATOR_TASKS = simulatorTasks();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return; // a context of the same application that already has one
        }
        if (StringUtils.hasText(environment.getProperty("camel.component.deck.api-key"))) {
            System.out.printf("Using Deck at %s (the key from DECK_API_KEY, the tasks of DECK_TASK_IDS)%n",
                    environment.getProperty("camel.component.deck.base-url"));
        } else {
            DeckSimulator simulator = DeckSimulator.builder().seedDemoData(true).build().start();
            register(context, simulator);
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(simulator)));
            System.out.printf("No DECK_API_KEY set: using the embedded Deck simulator at %s%n", simulator.baseUrl());
        }
        Dsl dsl = Dsl.of(environment);
        System.out.printf("Routes: %s (the %s DSL)%n%n", dsl.source(), dsl);
    }

    /** What points the demo at the simulator. */
    static Map<String, Object> properties(DeckSimulator simulator) {
        DemoData.Seeded seeded = simulator.demoData();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("camel.component.deck.base-url", simulator.baseUrl());
        properties.put("camel.component.deck.api-key", simulator.apiKey());
        properties.put("demo.credential-id", seeded.credentialId());
        List<String> taskIds = new ArrayList<>();
        SIMULATOR_TASKS.forEach((name, answers) -> {
            String id = seeded.taskId(name);
            taskIds.add(id);
            properties.put("demo.task-names." + id, name);
            if (!answers.isEmpty()) {
                properties.put("demo.answers." + id, answers);
            }
        });
        properties.put("demo.task-ids", String.join(",", taskIds));
        return properties;
    }

    /** The simulator as a bean: an AutoCloseable bean definition, closed with the other beans after Camel stopped. */
    private static void register(ConfigurableApplicationContext context, DeckSimulator simulator) {
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("deckSimulator", DeckSimulator.class, () -> simulator);
        } else {
            context.getBeanFactory().registerSingleton("deckSimulator", simulator);
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    simulator.stop();
                }
            });
        }
    }

    private static Map<String, String> simulatorTasks() {
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put(DemoData.FETCH_RESERVATIONS, "");
        tasks.put(DemoData.FETCH_STATEMENTS_MFA, "123456");
        tasks.put(DemoData.TWO_STEP_LOGIN, "123456,654321");
        tasks.put(DemoData.SECURITY_CHECK, "fluffy");
        tasks.put(DemoData.BROKEN_SITE, "");
        return tasks;
    }
}
