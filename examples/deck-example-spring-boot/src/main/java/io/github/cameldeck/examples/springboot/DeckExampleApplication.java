package io.github.cameldeck.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The camel-deck Spring Boot example: starts a few Deck tasks, answers their MFA prompts from a route, reports each
 * finished run, prints a summary once every run has finished ({@link DemoRunner}) and exits.
 * <p>
 * Without {@code DECK_API_KEY} it runs against an embedded Deck simulator ({@link DeckSimulatorInitializer}); with it,
 * against Deck. The routes are the RouteBuilder bean {@link DeckDemoRoutes}, or {@code routes/deck-demo.camel.yaml}
 * under the profile {@code yaml}. With {@code demo.exit-when-done=false} the application keeps running after the
 * summary, to look at {@code /actuator/health}.
 */
@SpringBootApplication
public class DeckExampleApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(DeckExampleApplication.class, args);
        } catch (RuntimeException e) {
            System.exit(2); // Spring Boot has reported why
            return;
        }
        if (context.getEnvironment().getProperty("demo.exit-when-done", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context)); // stops Camel, then the simulator, then exits with the code
        }
        System.out.printf("Still running (demo.exit-when-done=false): http://localhost:%s/actuator/health, "
                + "Ctrl-C to stop%n", context.getEnvironment().getProperty("local.server.port"));
    }
}
