package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.cameldeck.otp.Totp;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MFA-by-mail flow ({@link MfaByMailRoutes}) end to end, against the embedded simulator and a real mail server
 * embedded in the test (GreenMail: SMTP and IMAP on free loopback ports, a mailbox for the application and one per
 * customer). The test is the customers, at their e-mail clients ({@link MailClient}, over IMAP and SMTP): it reads
 * what the application sent them and replies as a person would, quoting the message and signing with other numbers.
 * It checks Deck's side (which run got an answer, how many answers were sent), the mailboxes, and that no log line
 * holds a code, the TOTP secret or a password. One application serves every test; each test has its own customers.
 */
class MfaByMailFlowTest {

    /** Written by the file appender of log4j2-test.properties (camel-deck down to TRACE, the rest from INFO). */
    private static final Path TEST_LOG = Path.of("target/deck-example-test.log");
    /** The code the simulated bank asks for (Fetch Statements (MFA)). */
    private static final String CODE = DeckExampleMain.SIMULATOR_TASKS.get(DemoData.FETCH_STATEMENTS_MFA);
    private static final String ANSWERS = "POST /v2/task-runs/{id}/interaction";
    private static final String APP = MfaByMailDemo.APP_ADDRESS;
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The customers: by e-mail (their mailboxes), and one by TOTP. */
    private static final String JANE = "cust-jane";
    private static final String MAX = "cust-max";
    private static final String BOB = "cust-bob";
    private static final String CARL = "cust-carl";
    private static final String ANN = "cust-ann";

    private static final String APP_PASSWORD = "app-" + MfaByMailDemo.newPassword();
    private static final String BANK_PASSWORD = "bank-" + MfaByMailDemo.newPassword();
    private static final String TOTP_SECRET = MfaByMailDemo.newTotpSecret();

    private static GreenMail mail;
    private static DeckSimulator sim;
    private static Main main;
    private static String statementsTask;
    private static String totpTask;
    private static final Map<String, String> CREDENTIALS = new HashMap<>();
    private static final Map<String, MailClient> MAILBOXES = new HashMap<>();
    private static MailClient mallory;
    private static long logStart;

    @BeforeAll
    static void startTheApplication() throws IOException {
        // log4j starts (and empties the file) with the first logger: measure the file after that
        LoggerFactory.getLogger(MfaByMailFlowTest.class).info("The application starts");
        logStart = Files.exists(TEST_LOG) ? Files.size(TEST_LOG) : 0;

        mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(APP, "mfa", APP_PASSWORD);
        StringBuilder addresses = new StringBuilder();
        for (String customer : List.of(JANE, MAX, BOB, CARL)) {
            String login = customer.substring("cust-".length());
            String address = login + "@example.com";
            mail.setUser(address, login, "mail-" + BANK_PASSWORD);
            MAILBOXES.put(customer, client(address, login, "mail-" + BANK_PASSWORD));
            addresses.append(addresses.length() == 0 ? "" : ", ").append(customer).append('=')
                    .append(customer.equals(JANE) ? "Jane@Example.com" : address); // addresses match in any case
        }
        mail.setUser("mallory@evil.example", "mallory", "mail-" + BANK_PASSWORD);
        mallory = client("mallory@evil.example", "mallory", "mail-" + BANK_PASSWORD);

        sim = DeckExampleMain.startSimulator();
        DemoData.Seeded seeded = sim.demoData();
        statementsTask = seeded.taskId(DemoData.FETCH_STATEMENTS_MFA);
        totpTask = sim.createTask(seeded.agentId(), "Fetch Statements (authenticator app)",
                Scenario.completesAfter(Duration.ofSeconds(1)).withInteraction(Interaction.totp(TOTP_SECRET))).id();
        for (String customer : List.of(JANE, MAX, BOB, CARL, ANN)) {
            CREDENTIALS.put(customer, sim.createCredential(seeded.sourceId(), customer + ".login", BANK_PASSWORD,
                    customer).id());
        }

        Map<String, String> properties = MfaByMailDemo.simulatorProperties(sim, mail, "mfa", APP_PASSWORD);
        properties.put(MfaCustomers.ADDRESSES, addresses.toString());
        properties.put(MfaCustomers.TOTP_PREFIX + ANN, TOTP_SECRET);
        main = MfaByMailDemo.newMain(properties);
        main.start();
    }

    @AfterAll
    static void stopTheApplication() {
        if (main != null) {
            main.stop();
        }
        if (sim != null) {
            sim.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void theCodeInTheCustomersReplyAnswersTheCustomersRun() throws Exception {
        String max = startRun(MAX, statementsTask); // another customer's run that waits at the same time
        awaitMail(MAX, 1);
        String jane = startRun(JANE, statementsTask);

        // the customer gets one e-mail: the bank's question, from the application, and no code in it
        MimeMessage question = awaitMail(JANE, 1).get(0);
        assertThat(question.getSubject()).isEqualTo(MfaByMailRoutes.QUESTION_SUBJECT);
        assertThat(question.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(APP);
        assertThat(question.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("jane@example.com");
        String text = MailClient.textOf(question);
        assertThat(text).contains("Enter the 6-digit code sent to your phone.").doesNotContain(CODE);
        assertThat(Pattern.compile("[0-9]{4,}").matcher(text).find()).as("a number in the question e-mail").isFalse();
        assertThat(Collections.list(question.getAllHeaders())).extracting(Header::getName)
                .as("the exchange's Camel headers stay out of the e-mail").noneMatch(name -> name.startsWith("Camel"));
        assertThat(sim.taskRun(jane).status()).isEqualTo("interaction_required");

        // the customer replies as a person does: the code in a sentence, a signature with other numbers, the question
        // quoted
        long answers = sim.stats().requests(ANSWERS);
        MAILBOXES.get(JANE).reply(question, """
                Hello,

                Here is the code: %s

                Best regards,
                Jane Doe
                Mobile +1 (555) 014-2277 | Office 555-0100
                Customer number 88412345
                """.formatted(CODE));

        // Deck got one answer, for Jane's run, which completes; Max's run still waits
        await().atMost(WAIT).until(() -> sim.taskRun(jane).status(), "completed"::equals);
        assertThat(sim.stats().requests(ANSWERS)).as("answers sent to Deck").isEqualTo(answers + 1);
        assertThat(sim.taskRun(jane).episodeCount()).as("prompts: the first code was right").isEqualTo(1);
        TaskRunState other = sim.taskRun(max);
        assertThat(other.status()).isEqualTo("interaction_required");
        assertThat(other.episodeCount()).isEqualTo(1);
        assertThat(MAILBOXES.get(JANE).unread()).as("nothing more for Jane").isEmpty();

        String log = awaitLog("run        " + JANE + "  run " + jane + " completed");
        assertThat(log).contains("e-mailed   " + JANE + "  run " + jane + " mfa: the question to jane@example.com",
                "answered   " + JANE + "  run " + jane + " from the customer's e-mail: code=******");
        sim.cancelRun(max);
        assertNoSecretLogged();
    }

    @Test
    void aReplyWithoutACodeIsAskedAgainAndNothingGoesToDeck() throws Exception {
        String bob = startRun(BOB, statementsTask);
        MimeMessage question = awaitMail(BOB, 1).get(0);
        long answers = sim.stats().requests(ANSWERS);

        MAILBOXES.get(BOB).reply(question, "Hi, I did not get anything from the bank yet. Can you ask again?\n\nBob\n");
        MimeMessage again = awaitMail(BOB, 1).get(0);
        assertThat(again.getSubject()).isEqualTo(MfaByMailRoutes.ASK_AGAIN_SUBJECT);
        assertThat(again.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(APP);
        assertThat(again.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("bob@example.com");
        assertThat(again.getHeader("In-Reply-To")).as("the reply's own headers do not go out again").isNull();
        assertThat(MailClient.textOf(again)).contains("only the code");

        // two equally plausible codes: asked again, never a guess
        MAILBOXES.get(BOB).reply(again, "The code is 111111 or 222222, the text message was cut off.\n");
        assertThat(awaitMail(BOB, 1).get(0).getSubject()).isEqualTo(MfaByMailRoutes.ASK_AGAIN_SUBJECT);

        assertThat(sim.stats().requests(ANSWERS)).as("answers sent to Deck").isEqualTo(answers);
        assertThat(sim.taskRun(bob).status()).isEqualTo("interaction_required");
        assertThat(sim.taskRun(bob).episodeCount()).isEqualTo(1);
        assertThat(awaitLog("no code    " + BOB + "  the reply holds no code, or more than one: asked again by e-mail"))
                .doesNotContain("111111", "222222");

        // the code alone, at last
        MAILBOXES.get(BOB).send(APP, "Re: " + MfaByMailRoutes.QUESTION_SUBJECT, CODE);
        await().atMost(WAIT).until(() -> sim.taskRun(bob).status(), "completed"::equals);
        assertThat(sim.stats().requests(ANSWERS)).isEqualTo(answers + 1);
        assertNoSecretLogged();
    }

    @Test
    void aMessageFromAnAddressNoCustomerHasSendsNothing() throws Exception {
        String carl = startRun(CARL, statementsTask);
        awaitMail(CARL, 1);
        long answers = sim.stats().requests(ANSWERS);

        mallory.send(APP, "Re: " + MfaByMailRoutes.QUESTION_SUBJECT, "The code is " + CODE + "\n");

        String log = awaitLog("ignored    a message from mallory@evil.example: no customer has this address");
        assertThat(log).doesNotContain("The code is");
        assertThat(sim.stats().requests(ANSWERS)).as("answers sent to Deck").isEqualTo(answers);
        assertThat(sim.taskRun(carl).status()).isEqualTo("interaction_required");
        assertThat(MAILBOXES.get(CARL).unread()).isEmpty();
        sim.cancelRun(carl);
        assertNoSecretLogged();
    }

    @Test
    void theTotpCustomersRunIsAnsweredWithoutAnEMail() throws Exception {
        int mails = mail.getReceivedMessages().length;
        long answers = sim.stats().requests(ANSWERS);
        Instant from = Instant.now();

        String ann = startRun(ANN, totpTask);

        await().atMost(WAIT).until(() -> sim.taskRun(ann).status(), "completed"::equals);
        assertThat(sim.taskRun(ann).episodeCount()).as("prompts: the first code was right").isEqualTo(1);
        assertThat(sim.stats().requests(ANSWERS)).as("answers sent to Deck").isEqualTo(answers + 1);
        assertThat(mail.getReceivedMessages()).as("e-mails").hasSize(mails);
        awaitLog("run        " + ANN + "  run " + ann + " completed");
        assertThat(logSinceStart()).contains("answered   " + ANN + "  run " + ann + " mfa by TOTP: code=******");

        // neither the secret nor any code it gave while the run waited
        Totp totp = Totp.fromBase32(TOTP_SECRET);
        List<String> codes = new ArrayList<>();
        for (Instant t = from.minusSeconds(30); t.isBefore(Instant.now().plusSeconds(60)); t = t.plusSeconds(30)) {
            codes.add(totp.codeAt(t));
        }
        assertNoSecretLogged(codes.toArray(String[]::new));
        assertThat(String.valueOf(((ModelCamelContext) main.getCamelContext()).getRouteDefinition("mfa-asks")))
                .contains("interactionBody(code, totp(<secret>))").doesNotContain(TOTP_SECRET);
    }

    private static MailClient client(String address, String login, String password) {
        return new MailClient("127.0.0.1", mail.getSmtp().getPort(), mail.getImap().getPort(), address, login,
                password);
    }

    /** Starts a run with the customer's credential, as a schedule in Deck would: not through the application. */
    private static String startRun(String customer, String taskId) {
        return sim.startRun(taskId, null, CREDENTIALS.get(customer)).id();
    }

    /** Waits for {@code count} new e-mails in the customer's INBOX, and reads them (they are seen from then on). */
    private static List<MimeMessage> awaitMail(String customer, int count) {
        List<MimeMessage> received = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            received.addAll(MAILBOXES.get(customer).unread());
            return received.size() >= count;
        });
        assertThat(received).as("e-mails to " + customer).hasSize(count);
        return received;
    }

    /** Waits for the line in the test log; returns the log since the class started. */
    private static String awaitLog(String line) {
        return await().atMost(WAIT).until(MfaByMailFlowTest::logSinceStart, log -> log.contains(line));
    }

    /**
     * No line of the test log holds the code, the TOTP secret, a password, or one of the given codes (as a number of
     * its own: not inside a longer one).
     */
    private static void assertNoSecretLogged(String... codes) throws IOException {
        String log = logSinceStart();
        assertThat(log).doesNotContain(TOTP_SECRET, APP_PASSWORD, BANK_PASSWORD);
        for (String code : concat(CODE, codes)) {
            assertThat(Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(log).find()).as("the code in the log")
                    .isFalse();
        }
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    /** What the application logged since the class started (the file holds the lines of earlier test classes too). */
    private static String logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(TEST_LOG);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
