package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.cameldeck.examples.main.OnboardingWatch.Onboarded;
import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The onboarding flow as the demo runs it ({@code -Ddemo.flow=onboarding}): {@link OnboardingRoutes} in Camel Main,
 * with Camel Main's HTTP server on. Against the embedded simulator the demo is also the customer
 * ({@link DemoCustomer}): it posts the form, then each code the simulated bank sends, and stops once the customer's
 * first statements are archived. Against Deck it serves the form until the time limit, and you are the customer.
 */
public final class OnboardingDemo {

    /** The demo customer, by the application's own id. */
    static final String CUSTOMER = "cust-42";
    static final String USERNAME = "jane.doe";
    /** The demo customer's password at the simulated bank: the form and the JSON carry its quote and ampersand. */
    static final String PASSWORD = "pa\"ss&w0rd-42";

    /**
     * How the demo ended.
     *
     * @param onboarded how the route that handles credential.verified ended for the customer, null if it did not
     * @param files     the files in the customer's archive folder, by name, with their sizes
     */
    public record Result(String customer, Onboarded onboarded, Path folder, Map<String, Long> files,
            Duration took) {

        /** Whether the customer's first statements were archived. */
        public boolean archived() {
            return onboarded != null && onboarded.archived();
        }

        void print(PrintStream out) {
            out.println();
            if (!archived()) {
                out.printf("Not onboarded in %.1f s: %s%n", took.toMillis() / 1000.0, onboarded == null
                        ? "the time limit came first"
                        : "the first statements run ended " + onboarded.runStatus());
                return;
            }
            out.printf("Onboarded %s in %.1f s: credential %s verified, first statements run %s completed%n",
                    customer, took.toMillis() / 1000.0, onboarded.credentialId(), onboarded.runId());
            out.printf("Files: %d saved under %s%n", files.size(), DemoSummary.shown(folder));
            int width = files.keySet().stream().mapToInt(String::length).max().orElse(0);
            files.forEach((name, size) -> out.printf("  %-" + width + "s %,10d bytes%n", name, size));
        }
    }

    private OnboardingDemo() {
    }

    /**
     * Camel Main with the onboarding flow: its routes, the bean {@code onboardingHttp} and the HTTP server on.
     *
     * @param properties override the ones of application.properties
     */
    static Main newMain(Map<String, String> properties) {
        Main main = new Main();
        main.addOverrideProperty("camel.server.enabled", "true");
        properties.forEach(main::addOverrideProperty);
        main.bind("onboardingHttp", new OnboardingHttp());
        main.configure().addRoutesBuilder(new OnboardingRoutes());
        return main;
    }

    /**
     * The properties that point the flow at a simulator started by {@link DeckExampleMain#startSimulator()}: its key
     * and URL, its seeded source (the bank) and {@code Fetch Statements (MFA)} task, the HTTP server on loopback at
     * {@code port}, and a webhook secret of its own (the events consumer verifies every delivery; the simulator pushes
     * none unless a destination is registered).
     */
    static Map<String, String> simulatorProperties(DeckSimulator sim, int port) {
        DemoData.Seeded seeded = sim.demoData();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("camel.component.deck.api-key", sim.apiKey());
        props.put("camel.component.deck.base-url", sim.baseUrl());
        props.put("camel.component.deck.webhook-secret", newWebhookSecret());
        props.put("camel.server.host", "127.0.0.1");
        props.put("camel.server.port", Integer.toString(port));
        props.put("onboarding.source-id", seeded.sourceId());
        props.put("onboarding.task-id", seeded.taskId(DemoData.FETCH_STATEMENTS_MFA));
        return props;
    }

    /**
     * Runs the flow against the simulator with the demo customer, until the customer's first statements are archived
     * (or camel.main.duration-max-seconds).
     *
     * @param properties more properties, e.g. {@code onboarding.archive-dir}
     */
    public static Result runAgainst(DeckSimulator sim, PrintStream out, long start, Map<String, String> properties) {
        int port = freePort();
        Map<String, String> props = simulatorProperties(sim, port);
        props.putAll(properties);
        Main main = newMain(props);
        AtomicReference<Onboarded> onboarded = new AtomicReference<>();
        main.bind("onboardingWatch", new OnboardingWatch(ended -> {
            if (CUSTOMER.equals(ended.customer()) && ended.archived()) {
                onboarded.set(ended);
                main.completed();
            }
        }));
        String code = DeckExampleMain.SIMULATOR_TASKS.get(DemoData.FETCH_STATEMENTS_MFA);
        AtomicReference<Path> archive = new AtomicReference<>();
        try (DemoCustomer customer = new DemoCustomer(URI.create("http://127.0.0.1:" + port), CUSTOMER, USERNAME,
                PASSWORD, simulatorPhone(sim, code))) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    archive.set(Path.of(property(main, "onboarding.archive-dir")));
                    customer.start();
                }
            });
            out.printf("Onboarding: the form at http://127.0.0.1:%d/onboarding, the codes at /onboarding/code, "
                    + "Deck's webhooks at /deck/events%n%n", port);
            DeckExampleMain.run(main, "The onboarding flow");
        }
        Path folder = archive.get() == null ? null : archive.get().resolve(CUSTOMER);
        return new Result(CUSTOMER, onboarded.get(), folder, filesIn(folder),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Against Deck: serves the form until the time limit. */
    static void serve(PrintStream out) {
        Main main = newMain(Map.of());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                String url = "http://" + property(main, "camel.server.host") + ":"
                        + property(main, "camel.server.port");
                out.printf(
                        "Serving the onboarding form at %s/onboarding (the codes at /onboarding/code, Deck's webhooks "
                                + "at /deck/events) for %s s:%n",
                        url, property(main, "camel.main.duration-max-seconds"));
                out.printf("  curl -i %s/onboarding -d customer=cust-42 -d username=... --data-urlencode password@-%n",
                        url);
                out.printf("  curl -i %s/onboarding/code -d customer=cust-42 -d code=...%n%n", url);
            }
        });
        DeckExampleMain.run(main, "The onboarding flow");
    }

    /**
     * The simulated bank's text messages: for the customer's credential, the code once per prompt (each time one of
     * its runs newly asks). Read from the simulator's state, as a phone would get it: not through the application.
     */
    static Function<String, Optional<String>> simulatorPhone(DeckSimulator sim, String code) {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        return credentialId -> sim.taskRuns().stream()
                .filter(run -> credentialId.equals(run.credentialId()) && "interaction_required".equals(run.status()))
                .filter(run -> sent.add(run.id() + "#" + run.episodeCount()))
                .findFirst().map(run -> code);
    }

    /** A free port on loopback, for the HTTP server. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webhook signing secret, {@code whsec_} and 24 random bytes in base64. */
    static String newWebhookSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static String property(Main main, String key) {
        return main.getCamelContext().getPropertiesComponent().resolveProperty(key).orElse("");
    }

    private static Map<String, Long> filesIn(Path folder) {
        Map<String, Long> files = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
