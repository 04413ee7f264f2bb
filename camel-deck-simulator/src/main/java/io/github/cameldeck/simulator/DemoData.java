package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data for trying the simulator by hand: one agent, one source, one credential ({@code demo} /
 * {@code demo-password}) and a task per interesting behaviour. Completed runs store files: a reservation PDF, a
 * statement PDF with a transactions CSV, or the default PDF.
 */
public final class DemoData {

    /** Username of the seeded credential. */
    public static final String USERNAME = "demo";
    /** Password of the seeded credential (never printed nor returned by the API). */
    public static final String PASSWORD = "demo-password";

    /** A seeded task and a one-line description of what its runs do. */
    public record SeededTask(String id, String name, String behaviour) {
    }

    /** The ids created by {@link #seed}. */
    public record Seeded(String agentId, String sourceId, String credentialId, List<SeededTask> tasks) {

        /** The id of the seeded task with this name. */
        public String taskId(String name) {
            return tasks.stream().filter(t -> t.name().equals(name)).findFirst().map(SeededTask::id)
                    .orElseThrow(() -> new IllegalArgumentException("No seeded task " + name));
        }
    }

    public static final String FETCH_RESERVATIONS = "Fetch Reservations";
    public static final String FETCH_STATEMENTS_MFA = "Fetch Statements (MFA)";
    public static final String SECURITY_CHECK = "Security check";
    public static final String TWO_STEP_LOGIN = "Two-step login";
    public static final String PICK_ACCOUNT = "Pick an account";
    public static final String BROKEN_SITE = "Broken site";
    public static final String SLOW_REPORT = "Slow report";
    public static final String NEEDS_REVIEW = "Needs review";

    private DemoData() {
    }

    /** Creates the demo data in the simulator (works before or after {@code start()}). */
    public static Seeded seed(DeckSimulator sim) {
        Agent agent = sim.createAgent("Demo agent", "Seeded by the Deck simulator");
        Source source = sim.createSource("Example Bank", "https://example.com");
        Credential credential = sim.createCredential(source.id(), USERNAME, PASSWORD);

        Map<String, Object> reservations = Map.of("reservations",
                List.of(Map.of("confirmation_number", "SIM-849271", "hotel_name", "Simulator Plaza", "check_in",
                        "2026-04-01", "check_out", "2026-04-05", "total", "812.40 USD")));
        Map<String, Object> statements = Map.of("statements",
                List.of(Map.of("period", "2026-02", "balance", "1520.33 USD"),
                        Map.of("period", "2026-01", "balance", "1488.10 USD")));

        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        Map<String, String> behaviours = new LinkedHashMap<>();
        add(scenarios, behaviours, FETCH_RESERVATIONS,
                Scenario.completesAfter(Duration.ofSeconds(2)).withOutput(reservations)
                        .withFiles(StorageFile.pdf("reservation_SIM-849271.pdf", 96_512)),
                "completes in ~2 s with a reservation PDF");
        add(scenarios, behaviours, FETCH_STATEMENTS_MFA,
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.mfa("123456"))
                        .withOutput(statements).withFiles(StorageFile.pdf("statement_2026-02.pdf", 184_320),
                                StorageFile.csv("transactions_2026-02.csv", 24_576)),
                "asks for an MFA code (123456), then completes with a statement PDF and a transactions CSV");
        add(scenarios, behaviours, SECURITY_CHECK,
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.securityQuestion("fluffy")),
                "asks a security question (answer: fluffy), then completes");
        add(scenarios, behaviours, TWO_STEP_LOGIN,
                Scenario.completesAfter(Duration.ofSeconds(3)).withInteraction(Interaction.mfa("123456"))
                        .withInteraction(Interaction.mfa("654321")
                                .withMessage("Enter the second code sent to your e-mail.")),
                "asks for MFA twice (123456, then 654321), then completes");
        add(scenarios, behaviours, PICK_ACCOUNT,
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.accountSelection("acc_1")),
                "asks which account to use (acc_1), then completes");
        add(scenarios, behaviours, BROKEN_SITE, Scenario.fails().withRunTime(Duration.ofSeconds(1)),
                "fails with source/source_error after ~1 s");
        add(scenarios, behaviours, SLOW_REPORT, Scenario.completesAfter(Duration.ofSeconds(20)),
                "completes after ~20 s");
        add(scenarios, behaviours, NEEDS_REVIEW,
                Scenario.completesAfter(Duration.ofSeconds(2)).withReview(Duration.ofSeconds(5)),
                "pauses in review_required for 5 s, then completes");

        List<SeededTask> tasks = new java.util.ArrayList<>();
        scenarios.forEach((name, scenario) -> {
            Task task = sim.createTask(agent.id(), name, scenario);
            tasks.add(new SeededTask(task.id(), name, behaviours.get(name)));
        });
        return new Seeded(agent.id(), source.id(), credential.id(), List.copyOf(tasks));
    }

    private static void add(Map<String, Scenario> scenarios, Map<String, String> behaviours, String name,
            Scenario scenario, String behaviour) {
        scenarios.put(name, scenario);
        behaviours.put(name, behaviour);
    }
}
