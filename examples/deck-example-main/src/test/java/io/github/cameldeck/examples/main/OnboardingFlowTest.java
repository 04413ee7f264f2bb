package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.examples.main.OnboardingWatch.Onboarded;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static io.github.cameldeck.examples.main.FileDigests.filesIn;
import static io.github.cameldeck.examples.main.FileDigests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The onboarding flow ({@link OnboardingRoutes}) end to end, over real HTTP against the embedded simulator: the test
 * is the customer. It posts the form, answers each MFA prompt of the customer's runs with the code the simulated bank
 * asks for, and checks Deck's side (the credential verified, the runs completed), the route that handled
 * {@code credential.verified}, the archived files byte for byte, and that no answer and no log line holds the password
 * or the code. One application (Camel Main with its HTTP server on a free port) serves every test; each test has its
 * own customer.
 */
class OnboardingFlowTest {

    /** Written by the file appender of log4j2-test.properties (camel-deck down to TRACE, the rest from INFO). */
    private static final Path TEST_LOG = Path.of("target/deck-example-test.log");
    /** The code the simulated bank asks for (Fetch Statements (MFA)). */
    private static final String CODE = DeckExampleMain.SIMULATOR_TASKS.get(DemoData.FETCH_STATEMENTS_MFA);

    @TempDir
    static Path archive;

    private static DeckSimulator sim;
    private static Main main;
    private static OnboardingWatch watch;
    private static URI server;
    private static long logStart;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startTheApplication() throws IOException {
        // log4j starts (and empties the file) with the first logger: measure the file after that
        LoggerFactory.getLogger(OnboardingFlowTest.class).info("The application starts");
        logStart = Files.exists(TEST_LOG) ? Files.size(TEST_LOG) : 0;
        sim = DeckExampleMain.startSimulator();
        int port = OnboardingDemo.freePort();
        Map<String, String> properties = OnboardingDemo.simulatorProperties(sim, port);
        properties.put("onboarding.archive-dir", archive.toString());
        main = OnboardingDemo.newMain(properties);
        watch = new OnboardingWatch(onboarded -> {
        });
        main.bind("onboardingWatch", watch);
        main.start();
        server = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopTheApplication() {
        if (main != null) {
            main.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void onboardsACustomerFromTheFormToTheArchivedStatements() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String password = "s3cr\"et & pa ss=w\u00f6rd\\"; // a quote, a backslash, an ampersand, an equals sign
        HttpResponse<String> created = post("/onboarding",
                form("customer", customer, "username", "jane.doe", "password", password));

        // 202 with the credential, and the password in neither the body nor a header
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertNotEchoed(created, password);
        JsonNode answer = JSON.readTree(created.body());
        String credentialId = answer.path("credential").asText();
        assertThat(answer.path("customer").asText()).isEqualTo(customer);
        assertThat(answer.path("status").asText()).isEqualTo("unverified");
        assertThat(credentialId).startsWith("cred_");
        Credential stored = sim.credential(credentialId);
        assertThat(stored.externalId()).isEqualTo(customer);
        assertThat(stored.username()).isEqualTo("jane.doe");
        assertThat(stored.sourceId()).isEqualTo(sim.demoData().sourceId());

        // the verification run asks for the code; the customer posts it
        TaskRunState verification = awaitPrompt(credentialId, Set.of());
        HttpResponse<String> answered = post("/onboarding/code", form("customer", customer, "code", CODE));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertNotEchoed(answered, CODE);
        assertThat(JSON.readTree(answered.body()).path("run").asText()).isEqualTo(verification.id());

        // Deck verifies the login once the run completed
        await().atMost(20, TimeUnit.SECONDS).until(() -> "verified".equals(sim.credential(credentialId).status()));

        // the route runs the task for the first statements; the simulated bank asks again, and the customer answers
        TaskRunState statements = awaitPrompt(credentialId, Set.of(verification.id()));
        assertThat(post("/onboarding/code", form("customer", customer, "code", CODE)).statusCode()).isEqualTo(202);

        // credential.verified was routed with the customer's id, and the route ended with the run completed
        Onboarded onboarded = await().atMost(30, TimeUnit.SECONDS).until(() -> watch.onboarded(customer),
                Optional::isPresent).orElseThrow();
        assertThat(onboarded.failure()).isNull();
        assertThat(onboarded.eventType()).isEqualTo("credential.verified");
        assertThat(onboarded.customer()).isEqualTo(customer);
        assertThat(onboarded.credentialId()).isEqualTo(credentialId);
        assertThat(onboarded.runId()).isEqualTo(statements.id());
        assertThat(onboarded.runStatus()).isEqualTo("completed");

        // Deck's side: the verification run and the first statements run, with the customer's credential, completed
        assertThat(sim.taskRuns()).filteredOn(run -> credentialId.equals(run.credentialId()))
                .extracting(TaskRunState::id, TaskRunState::taskId, TaskRunState::status)
                .containsExactlyInAnyOrder(
                        tuple(verification.id(), taskId(), "completed"),
                        tuple(statements.id(), taskId(), "completed"));

        // the first statements' files, exactly these, with the bytes Deck serves, in archive/<customer>/
        Map<Path, String> expected = new HashMap<>();
        for (var item : sim.taskRun(statements.id()).storage()) {
            expected.put(Path.of(item.fileName()), sha256(sim.fileContent(item.id())));
        }
        assertThat(expected).hasSize(2).containsKeys(Path.of("statement_2026-02.pdf"),
                Path.of("transactions_2026-02.csv"));
        assertThat(filesIn(archive.resolve(customer))).isEqualTo(expected);
        assertThat(onboarded.files()).containsExactlyInAnyOrderElementsOf(
                expected.keySet().stream().map(Path::toString).toList());

        // nothing of the customer waits any more
        HttpResponse<String> late = post("/onboarding/code", form("customer", customer, "code", CODE));
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(late.body()).path("error").asText()).startsWith("No run of credential ")
                .contains("(external_id '" + customer + "') waits for input");

        // the flow's lines name the customer, the credential and the runs; no line holds the password or the code
        String log = logSinceStart();
        assertThat(log).contains("created    " + customer + "  credential " + credentialId + " unverified",
                "answered   " + customer + "  run " + verification.id() + " code=******",
                "verified   " + customer + "  credential " + credentialId,
                "answered   " + customer + "  run " + statements.id() + " code=******",
                "archived   " + customer + "  2 files of run " + statements.id());
        assertThat(log).doesNotContain(password, URLEncoder.encode(password, StandardCharsets.UTF_8), CODE);
    }

    @Test
    void aCodeForACustomerDeckHasNoCredentialForIs404() throws Exception {
        String customer = "stranger-" + UUID.randomUUID();
        long answers = sim.stats().requests("POST /v2/task-runs/{id}/interaction");

        HttpResponse<String> answered = post("/onboarding/code", form("customer", customer, "code", CODE));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(404);
        assertThat(answered.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(answered.body());
        assertThat(error.path("customer").asText()).isEqualTo(customer);
        assertThat(error.path("error").asText()).startsWith("No credential has the external_id '" + customer + "'");
        assertNotEchoed(answered, CODE);
        assertThat(sim.stats().requests("POST /v2/task-runs/{id}/interaction")).isEqualTo(answers);
    }

    @Test
    void aFormWithoutPasswordIs400NamingTheFieldAndNothingGoesToDeck() throws Exception {
        long creates = sim.stats().requests("POST /v2/credentials");
        String password = "only-in-a-broken-form-" + UUID.randomUUID();

        HttpResponse<String> noPassword = post("/onboarding", form("customer", "cust-1", "username", "jane.doe"));
        HttpResponse<String> noUsername = post("/onboarding", form("customer", "cust-1", "password", password));
        HttpResponse<String> noCode = post("/onboarding/code", form("customer", "cust-1"));

        assertThat(noPassword.statusCode()).as(noPassword.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(noPassword.body());
        assertThat(error.path("error").asText()).contains("password");
        assertThat(error.path("fields")).extracting(JsonNode::asText).containsExactly("password");

        assertThat(noUsername.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noUsername.body()).path("fields")).extracting(JsonNode::asText)
                .containsExactly("username");
        assertNotEchoed(noUsername, password); // not even in an error answer
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noCode.body()).path("fields")).extracting(JsonNode::asText).containsExactly("code");

        assertThat(sim.stats().requests("POST /v2/credentials")).as("requests to Deck").isEqualTo(creates);
        assertThat(logSinceStart()).doesNotContain(password);
    }

    private static String taskId() {
        return sim.demoData().taskId(DemoData.FETCH_STATEMENTS_MFA);
    }

    /** Waits for a run of the credential, other than those given, to ask for input. */
    private static TaskRunState awaitPrompt(String credentialId, Set<String> except) {
        return await().atMost(20, TimeUnit.SECONDS).until(() -> sim.taskRuns().stream()
                .filter(run -> credentialId.equals(run.credentialId()) && !except.contains(run.id())
                        && "interaction_required".equals(run.status()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static void assertNotEchoed(HttpResponse<String> response, String secret) {
        assertThat(response.body()).doesNotContain(secret);
        assertThat(response.headers().map()).allSatisfy(
                (name, values) -> assertThat(values).as(name).noneMatch(value -> value.contains(secret)));
    }

    private static Map<String, String> form(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return DemoCustomer.post(HTTP, server.resolve(path), fields);
    }

    /** What the application logged since the class started (the file holds the lines of earlier test classes too). */
    private static String logSinceStart() throws IOException {
        byte[] all = Files.readAllBytes(TEST_LOG);
        int from = (int) Math.min(logStart, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
