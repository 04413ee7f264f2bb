package io.github.cameldeck.examples.main;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MFA-by-mail flow as the demo runs it ({@code -Ddemo.flow=mfa-by-mail}): {@link MfaByMailRoutes} in Camel Main.
 * Against the embedded simulator the demo also starts a mail server (GreenMail: SMTP and IMAP on free loopback ports,
 * a mailbox for the application and one for the customer), plays the e-mail customer ({@link DemoMailCustomer}), and
 * starts one run for each of two customers: {@value #MAIL_CUSTOMER}, whose bank texts a code that the customer sends
 * back by e-mail, and {@value #TOTP_CUSTOMER}, whose credential's TOTP secret the application holds. It stops once both
 * runs finished. Against Deck it answers the prompts of the customers it is configured for until the time limit.
 */
public final class MfaByMailDemo {

    /** The customer who gets the bank's question by e-mail and replies with the code. */
    static final String MAIL_CUSTOMER = "cust-42";
    static final String MAIL_CUSTOMER_ADDRESS = "jane.doe@example.com";
    /** The customer whose credential's TOTP secret the application holds. */
    static final String TOTP_CUSTOMER = "cust-77";
    /** The application's mailbox: the questions go out from it, the replies come into it. */
    static final String APP_ADDRESS = "mfa@bank-helper.example";
    /** The simulator task whose runs ask for the TOTP code of a secret. */
    static final String TOTP_TASK = "Fetch Statements (authenticator app)";

    private static final Logger LOG = LoggerFactory.getLogger(MfaByMailRoutes.LOG);
    private static final Duration WATCH = Duration.ofMillis(200);

    /**
     * How one customer's run ended.
     *
     * @param answeredBy how its code came: {@code e-mail reply} or {@code TOTP}
     * @param prompts    how often the bank asked (1 when the first code was right)
     */
    public record CustomerRun(String customer, String answeredBy, String runId, String status, int prompts) {
    }

    /**
     * How the demo ended.
     *
     * @param runs       the customers' runs, in the order they started
     * @param toCustomer e-mails the application sent the customer
     * @param replies    e-mails the application received
     * @param answers    answers sent to Deck ({@code POST /task-runs/{id}/interaction})
     */
    public record Result(List<CustomerRun> runs, int toCustomer, int replies, long answers, Duration took) {

        /** Whether every run completed. */
        public boolean allCompleted() {
            return !runs.isEmpty() && runs.stream().allMatch(run -> "completed".equals(run.status()));
        }

        void print(PrintStream out) {
            out.println();
            out.printf("%s in %.1f s: %d answers sent to Deck, %d e-mail%s to the customer, %d repl%s%n",
                    allCompleted() ? "Both runs completed" : "Not all runs completed", took.toMillis() / 1000.0,
                    answers, toCustomer, toCustomer == 1 ? "" : "s", replies, replies == 1 ? "y" : "ies");
            out.printf("  %-9s %-13s %-31s %-10s %s%n", "customer", "code from", "run", "status", "prompts");
            runs.forEach(run -> out.printf("  %-9s %-13s %-31s %-10s %d%n", run.customer(), run.answeredBy(),
                    run.runId(), run.status(), run.prompts()));
        }
    }

    private MfaByMailDemo() {
    }

    /**
     * Camel Main with the flow: its routes and the bean {@code mfaCustomers}.
     *
     * @param properties override the ones of application.properties
     */
    static Main newMain(Map<String, String> properties) {
        Main main = new Main();
        properties.forEach(main::addOverrideProperty);
        Function<String, Optional<String>> lookup = key -> main.getCamelContext().getPropertiesComponent()
                .resolveProperty(key);
        main.bind("mfaCustomers", new MfaCustomers(lookup));
        main.configure().addRoutesBuilder(new MfaByMailRoutes());
        return main;
    }

    /** A mail server on loopback, SMTP and IMAP on free ports, without users yet. */
    static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        return mail;
    }

    /**
     * The properties that point the flow at a simulator (its key and URL) and at the application's mailbox on a local
     * mail server (plain SMTP and IMAP, the inbox read every 500 ms).
     */
    static Map<String, String> simulatorProperties(DeckSimulator sim, GreenMail mail, String login, String password) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("camel.component.deck.api-key", sim.apiKey());
        props.put("camel.component.deck.base-url", sim.baseUrl());
        props.put("mfa.mail.smtp", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
        props.put("mfa.mail.imap", "imap://127.0.0.1:" + mail.getImap().getPort());
        props.put("mfa.mail.address", APP_ADDRESS);
        props.put("mfa.mail.username", login);
        props.put("mfa.mail.password", password);
        props.put("mfa.mail.poll-delay", "500");
        return props;
    }

    /**
     * Runs the flow against the simulator with the demo's mail server and customers, until both customers' runs
     * finished (or camel.main.duration-max-seconds).
     *
     * @param properties more properties, e.g. {@code camel.main.duration-max-seconds}
     */
    public static Result runAgainst(DeckSimulator sim, PrintStream out, long start, Map<String, String> properties) {
        GreenMail mail = startMailServer();
        try {
            String appPassword = newPassword();
            String customerPassword = newPassword();
            mail.setUser(APP_ADDRESS, "mfa", appPassword);
            mail.setUser(MAIL_CUSTOMER_ADDRESS, "jane.doe", customerPassword);

            // Deck's side: the customers' logins at the bank, and a task whose bank asks for an authenticator code
            DemoData.Seeded seeded = sim.demoData();
            String totpSecret = newTotpSecret();
            sim.createCredential(seeded.sourceId(), "jane.doe", newPassword(), MAIL_CUSTOMER);
            sim.createCredential(seeded.sourceId(), "tom.baker", newPassword(), TOTP_CUSTOMER);
            String totpTask = sim.createTask(seeded.agentId(), TOTP_TASK,
                    Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.totp(totpSecret))
                            .withFiles(StorageFile.pdf("statement_2026-02.pdf", 184_320)))
                    .id();
            Map<String, String> tasks = new LinkedHashMap<>();
            tasks.put(MAIL_CUSTOMER, seeded.taskId(DemoData.FETCH_STATEMENTS_MFA));
            tasks.put(TOTP_CUSTOMER, totpTask);

            Map<String, String> props = simulatorProperties(sim, mail, "mfa", appPassword);
            props.put(MfaCustomers.ADDRESSES, MAIL_CUSTOMER + "=" + MAIL_CUSTOMER_ADDRESS);
            props.put(MfaCustomers.TOTP_PREFIX + TOTP_CUSTOMER, totpSecret);
            props.putAll(properties);
            Main main = newMain(props);
            Map<String, String> runIds = new LinkedHashMap<>();
            String code = DeckExampleMain.SIMULATOR_TASKS.get(DemoData.FETCH_STATEMENTS_MFA);
            MailClient customerMail = new MailClient("127.0.0.1", mail.getSmtp().getPort(), mail.getImap().getPort(),
                    MAIL_CUSTOMER_ADDRESS, "jane.doe", customerPassword);
            Set<String> ended = ConcurrentHashMap.newKeySet();
            main.bind("mfaDemoWatch", new EndedRuns(ended));
            Thread runner = new Thread(() -> startAndWatch(main, tasks, runIds, ended, sim), "demo-runs");
            runner.setDaemon(true);
            try (DemoMailCustomer customer = new DemoMailCustomer(MAIL_CUSTOMER, customerMail, code)) {
                main.addMainListener(new MainListenerSupport() {
                    @Override
                    public void afterStart(BaseMainSupport started) {
                        customer.start();
                        runner.start();
                    }
                });
                out.printf("Mail: SMTP at 127.0.0.1:%d, IMAP at 127.0.0.1:%d; the application is %s, %s is %s%n%n",
                        mail.getSmtp().getPort(), mail.getImap().getPort(), APP_ADDRESS, MAIL_CUSTOMER,
                        MAIL_CUSTOMER_ADDRESS);
                DeckExampleMain.run(main, "The MFA-by-mail flow");
            } finally {
                runner.interrupt();
            }
            List<CustomerRun> runs = new ArrayList<>();
            synchronized (runIds) {
                runIds.forEach((customer, runId) -> {
                    TaskRunState run = sim.taskRun(runId);
                    runs.add(new CustomerRun(customer, TOTP_CUSTOMER.equals(customer) ? "TOTP" : "e-mail reply", runId,
                            run.status(), run.episodeCount()));
                });
            }
            return new Result(runs, mail.getReceivedMessagesForDomain(MAIL_CUSTOMER_ADDRESS).length,
                    mail.getReceivedMessagesForDomain(APP_ADDRESS).length,
                    sim.stats().requests("POST /v2/task-runs/{id}/interaction"),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            mail.stop();
        }
    }

    /**
     * Starts one run per customer through the application's Deck component ({@code runTask} with the customer's
     * {@code CamelDeckExternalId}), then completes Camel Main once the routes saw them all finish.
     */
    private static void startAndWatch(Main main, Map<String, String> tasks, Map<String, String> runIds,
            Set<String> ended, DeckSimulator sim) {
        try {
            for (Map.Entry<String, String> task : tasks.entrySet()) {
                Exchange started = main.getCamelTemplate().request("deck:runTask?taskId=" + task.getValue(), e -> {
                    e.getMessage().setHeader(DeckConstants.EXTERNAL_ID, task.getKey());
                    e.getMessage().setBody("");
                });
                if (started.getException() != null) {
                    LOG.warn("demo       {}  could not start a run: {}", task.getKey(),
                            started.getException().toString());
                    continue;
                }
                String runId = started.getMessage().getHeader(DeckConstants.RUN_ID, String.class);
                synchronized (runIds) {
                    runIds.put(task.getKey(), runId);
                }
                LOG.info("started    {}  run {} of {}", task.getKey(), runId, sim.task(task.getValue()).name());
            }
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (runIds) {
                    if (runIds.size() == tasks.size() && ended.containsAll(runIds.values())) {
                        main.completed();
                        return;
                    }
                }
                Thread.sleep(WATCH.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("demo       could not start the runs: {}", e.toString());
            main.completed();
        }
    }

    /** The runs whose end the route {@link MfaByMailRoutes#ENDED_ROUTE} has logged. */
    private static final class EndedRuns extends EventNotifierSupport {

        private final Set<String> ended;

        EndedRuns(Set<String> ended) {
            this.ended = ended;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
            String runId = exchange.getMessage().getHeader(DeckConstants.RUN_ID, String.class);
            if (MfaByMailRoutes.ENDED_ROUTE.equals(exchange.getFromRouteId()) && runId != null) {
                ended.add(runId);
            }
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeCompletedEvent;
        }
    }

    /** Against Deck: answers the prompts of the configured customers until the time limit. */
    static void serve(PrintStream out) {
        Main main = newMain(Map.of());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                out.printf("Answering the MFA prompts of the customers of mfa.customers (by e-mail, the inbox %s) and "
                        + "of mfa.totp.* (by TOTP) for %s s%n%n", property(main, "mfa.mail.address"),
                        property(main, "camel.main.duration-max-seconds"));
            }
        });
        DeckExampleMain.run(main, "The MFA-by-mail flow");
    }

    /** A random password for the demo's logins. */
    static String newPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "pw-" + base32(bytes).toLowerCase();
    }

    /** A new TOTP secret, 20 random bytes in Base32 (32 characters), as a bank shows it when it enrols an app. */
    static String newTotpSecret() {
        byte[] key = new byte[20];
        new SecureRandom().nextBytes(key);
        return base32(key);
    }

    /** RFC 4648 Base32 without padding. */
    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                text.append(alphabet.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(alphabet.charAt(buffer << 5 - bits & 31));
        }
        return text.toString();
    }

    private static String property(Main main, String key) {
        return main.getCamelContext().getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
