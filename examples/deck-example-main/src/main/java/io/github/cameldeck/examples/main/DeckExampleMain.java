package io.github.cameldeck.examples.main;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.cameldeck.examples.support.CodeBook;
import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.examples.support.RunTracker;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs the demo with Camel Main: starts a few Deck tasks, answers their MFA prompts from a route, reports each
 * finished run, saves the files of completed runs under {@code demo.files-dir} and prints a summary once every run has
 * finished and its files are saved, then stops.
 * <p>
 * Without {@code DECK_API_KEY} in the environment it runs against an embedded Deck simulator (on a free port,
 * seeded with demo tasks, with Deck's rate limit); with it, against Deck ({@code DECK_BASE_URL}, the tasks of
 * {@code DECK_TASK_IDS}, see {@code application.properties}). The routes are {@link DeckDemoRoutes} (Java DSL,
 * the default), {@code routes/deck-demo.camel.yaml} or {@code routes/deck-demo.camel.xml}: {@code --dsl yaml} or
 * {@code -Ddemo.dsl=yaml}.
 * <p>
 * {@code --flow onboarding} (or {@code -Ddemo.flow=onboarding}) runs the onboarding flow instead ({@link OnboardingDemo},
 * {@link OnboardingRoutes}, Java DSL only); {@code --flow mfa-by-mail} the MFA codes by e-mail and by TOTP
 * ({@link MfaByMailDemo}, {@link MfaByMailRoutes}, Java DSL only).
 */
public final class DeckExampleMain {

    /** The seeded simulator tasks the demo runs, and the answers their sites ask for, in order. */
    static final Map<String, String> SIMULATOR_TASKS = simulatorTasks();

    private DeckExampleMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        PrintStream out = System.out;
        String flow = option(args, "--flow", System.getProperty("demo.flow", "runs"));
        if (flow.equalsIgnoreCase("onboarding")) {
            onboarding(out, start);
            return;
        }
        if (flow.equalsIgnoreCase("mfa-by-mail")) {
            mfaByMail(out, start);
            return;
        }
        if (!flow.equalsIgnoreCase("runs")) {
            System.err.println("Unknown flow '" + flow + "': use runs (the default), onboarding or mfa-by-mail");
            System.exit(2);
            return;
        }
        Dsl dsl = Dsl.select(args, System.getProperty("demo.dsl"));
        String apiKey = System.getenv("DECK_API_KEY");
        DemoSummary summary;
        try {
            if (apiKey == null || apiKey.isBlank()) {
                try (DeckSimulator sim = startSimulator()) {
                    out.printf("No DECK_API_KEY set: using the embedded Deck simulator at %s%n", sim.baseUrl());
                    summary = runAgainst(sim, dsl, out, start, Map.of());
                }
            } else {
                String baseUrl = Optional.ofNullable(System.getenv("DECK_BASE_URL")).orElse("https://api.deck.co/v2");
                out.printf("Using Deck at %s (key from DECK_API_KEY; the tasks of DECK_TASK_IDS)%n", baseUrl);
                summary = run(dsl, out, start, Map.of(), Map.of());
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        summary.print(out);
        if (!summary.allFinished() || summary.count(DemoSummary.REFUSED) > 0) {
            System.exit(1);
        }
    }

    /**
     * The onboarding flow ({@link OnboardingDemo}): against the simulator, with the demo as the customer, until the
     * customer's first statements are archived; against Deck, serving the form until the time limit.
     */
    private static void onboarding(PrintStream out, long start) {
        String apiKey = System.getenv("DECK_API_KEY");
        OnboardingDemo.Result result;
        try {
            if (apiKey == null || apiKey.isBlank()) {
                try (DeckSimulator sim = startSimulator()) {
                    out.printf("No DECK_API_KEY set: using the embedded Deck simulator at %s%n", sim.baseUrl());
                    result = OnboardingDemo.runAgainst(sim, out, start, Map.of());
                }
            } else {
                String baseUrl = Optional.ofNullable(System.getenv("DECK_BASE_URL")).orElse("https://api.deck.co/v2");
                out.printf("Using Deck at %s (key from DECK_API_KEY; the bank of DECK_SOURCE_ID, the task of "
                        + "DECK_STATEMENTS_TASK_ID)%n", baseUrl);
                OnboardingDemo.serve(out);
                return;
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        result.print(out);
        if (!result.archived()) {
            System.exit(1);
        }
    }

    /**
     * The MFA-by-mail flow ({@link MfaByMailDemo}): against the simulator, with an embedded mail server and the demo as
     * the e-mail customer, until both customers' runs finished; against Deck, answering until the time limit.
     */
    private static void mfaByMail(PrintStream out, long start) {
        String apiKey = System.getenv("DECK_API_KEY");
        MfaByMailDemo.Result result;
        try {
            if (apiKey == null || apiKey.isBlank()) {
                try (DeckSimulator sim = startSimulator()) {
                    out.printf("No DECK_API_KEY set: using the embedded Deck simulator at %s%n", sim.baseUrl());
                    result = MfaByMailDemo.runAgainst(sim, out, start, Map.of());
                }
            } else {
                String baseUrl = Optional.ofNullable(System.getenv("DECK_BASE_URL")).orElse("https://api.deck.co/v2");
                out.printf("Using Deck at %s (key from DECK_API_KEY; the mailbox of MFA_MAIL_*)%n", baseUrl);
                MfaByMailDemo.serve(out);
                return;
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        result.print(out);
        if (!result.allCompleted()) {
            System.exit(1);
        }
    }

    /** {@code NAME X} (or {@code NAME=X}) among the arguments, else the fallback. */
    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** A simulator as the demo uses it: a free port, Deck's rate limit, the demo tasks seeded. */
    public static DeckSimulator startSimulator() {
        return DeckSimulator.builder().seedDemoData(true).build().start();
    }

    /**
     * Runs the demo against a simulator started by {@link #startSimulator()}.
     *
     * @param properties more properties, e.g. {@code camel.main.duration-max-seconds}
     */
    public static DemoSummary runAgainst(DeckSimulator sim, Dsl dsl, PrintStream out, long start,
            Map<String, String> properties) {
        DemoData.Seeded seeded = sim.demoData();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("camel.component.deck.api-key", sim.apiKey());
        props.put("camel.component.deck.base-url", sim.baseUrl());
        props.put("demo.credential-id", seeded.credentialId());
        Map<String, String> names = new LinkedHashMap<>();
        List<String> taskIds = new ArrayList<>();
        SIMULATOR_TASKS.forEach((name, answers) -> {
            String id = seeded.taskId(name);
            taskIds.add(id);
            names.put(id, name);
            if (!answers.isEmpty()) {
                props.put("demo.answers." + id, answers);
            }
        });
        props.put("demo.task-ids", String.join(",", taskIds));
        props.putAll(properties);
        return run(dsl, out, start, props, names);
    }

    /**
     * Runs the demo with Camel Main until every run it started has finished and the files of the completed ones are
     * saved (or camel.main.duration-max-seconds).
     *
     * @param properties override the ones of application.properties
     * @param taskNames  what to print for task ids
     */
    static DemoSummary run(Dsl dsl, PrintStream out, long start, Map<String, String> properties,
            Map<String, String> taskNames) {
        Main main = new Main();
        properties.forEach(main::addOverrideProperty);
        Function<String, Optional<String>> lookup = key -> main.getCamelContext().getPropertiesComponent()
                .resolveProperty(key);

        CodeBook codeBook = new CodeBook(lookup);
        RunTracker runs = new RunTracker(out, start, taskNames,
                () -> taskIds(lookup.apply("demo.task-ids").orElse("")).size(), main::completed, codeBook::canAnswer,
                true);
        main.bind("runs", runs);
        main.bind("codeBook", codeBook);
        // a task Deck refuses to run (a wrong id, a wrong key) is reported and counted as done, so the demo still ends
        main.bind("refusedRuns", new EventNotifierSupport() {
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
        });
        if (dsl == Dsl.JAVA) {
            main.configure().addRoutesBuilder(new DeckDemoRoutes());
        } else {
            main.configure().withRoutesIncludePattern(dsl.includePattern());
        }
        out.printf("Routes: %s (the %s DSL)%n%n", dsl.source(), dsl);
        run(main, "The demo");
        return runs.summary(dsl.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs Camel Main until it is completed or its time limit.
     *
     * @throws IllegalStateException "{@code what} could not start: " and the root cause
     */
    static void run(Main main, String what) {
        try {
            main.run();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException(what + " could not start: " + cause.getMessage(), e);
        }
    }

    static List<String> taskIds(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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
