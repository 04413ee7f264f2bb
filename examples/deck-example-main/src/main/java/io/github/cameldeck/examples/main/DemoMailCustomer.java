package io.github.cameldeck.examples.main;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer of the MFA-by-mail demo, at an e-mail client ({@link MailClient}): checks the mailbox every 200 ms and
 * answers each message of the application with a reply that gives the code the simulated bank sent (the simulator's
 * {@code mfa} asks for 123456), written as a person would, over a signature with a phone number and the quoted
 * message. It logs what it reads and sends with the code masked.
 */
final class DemoMailCustomer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MfaByMailRoutes.LOG);
    private static final Duration MAIL_CHECK = Duration.ofMillis(200);

    private final String customer;
    private final MailClient mail;
    private final String code;
    private final Thread thread;
    private volatile boolean closed;

    DemoMailCustomer(String customer, MailClient mail, String code) {
        this.customer = customer;
        this.mail = mail;
        this.code = code;
        this.thread = new Thread(this::readMail, "demo-mail-customer");
        this.thread.setDaemon(true);
    }

    /** Starts reading the mailbox, on its own thread. */
    void start() {
        thread.start();
    }

    /** What the customer writes above the quoted message. */
    static String replyText(String code) {
        return """
                Hi,

                the code is %s

                Thanks,
                Jane

                --
                Jane Doe
                Mobile +1 555 0142 7788
                """.formatted(code);
    }

    private void readMail() {
        while (!closed) {
            try {
                for (MimeMessage message : mail.unread()) {
                    mail.reply(message, replyText(code));
                    LOG.info("customer   {}  read \"{}\" and replied: the code is ******", customer,
                            message.getSubject());
                }
            } catch (Exception e) {
                if (!closed) {
                    LOG.warn("customer   {}  could not read or send mail: {}", customer, e.toString());
                }
            }
            try {
                Thread.sleep(MAIL_CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
