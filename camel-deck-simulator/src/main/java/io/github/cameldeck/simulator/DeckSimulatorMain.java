package io.github.cameldeck.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code java -jar camel-deck-simulator.jar --port 8787}. Prints the base URL, the
 * file host's URL, the API key, the seeded ids and the webhook destinations, then serves until the process is stopped
 * (Ctrl-C).
 */
public final class DeckSimulatorMain {

    private DeckSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MainOptions options;
        try {
            options = MainOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(MainOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(MainOptions.USAGE);
            return;
        }
        DeckSimulator simulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "deck-simulator-shutdown"));
        stopped.await();
    }

    /** Starts a simulator for the options and prints how to use it. */
    public static DeckSimulator start(MainOptions options, PrintStream out) {
        DeckSimulator simulator = options.toBuilder().build().start();
        out.println("Deck API simulator listening on " + simulator.baseUrl());
        out.println("File host (signed URLs of storage items and screenshots, valid "
                + simulator.storageUrlTtl().toMinutes() + " min): " + simulator.storageBaseUrl());
        out.println("API key: " + simulator.apiKey());
        out.println("Rate limit: " + (options.rateLimit() == 0 ? "off" : options.rateLimit() + " requests / 10 s")
                + "; session limit: " + (options.sessionLimit() == 0 ? "none" : options.sessionLimit()));
        DemoData.Seeded seeded = simulator.demoData();
        if (seeded != null) {
            out.println("Agent:      " + seeded.agentId());
            out.println("Source:     " + seeded.sourceId() + " (https://example.com)");
            out.println("Credential: " + seeded.credentialId() + " (username " + DemoData.USERNAME + ")");
            out.println("Tasks:");
            for (DemoData.SeededTask task : seeded.tasks()) {
                out.printf("  %s  %-24s %s%n", task.id(), task.name(), task.behaviour());
            }
            String example = seeded.tasks().get(0).id();
            out.println("Try: curl -s -X POST -H 'Authorization: Bearer " + simulator.apiKey()
                    + "' -H 'Content-Type: application/json' -d '{\"credential_id\":\"" + seeded.credentialId()
                    + "\",\"input\":{}}' " + simulator.baseUrl() + "/tasks/" + example + "/run");
        }
        for (String url : options.webhooks()) {
            EventDestinationInfo destination = simulator.createWebhookDestination(url, List.of("*"));
            // a simulator test secret: printing it is what makes it usable
            out.println("Webhook:    " + destination.id() + " -> " + url + " (all events), secret "
                    + simulator.webhookSecret(destination.id()));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return simulator;
    }
}
