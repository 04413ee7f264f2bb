package io.github.cameldeck.examples.main;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckExternalIdException;
import io.github.cameldeck.DeckWaitingRunException;
import io.github.cameldeck.otp.DeckOneTimeCodeNotFoundException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.cameldeck.otp.DeckOneTimeCodes.extractFromReplyExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.interactionBodyExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.totpExpression;

/**
 * People in the loop by e-mail: when the bank asks a customer's run for an MFA code, the route answers it at once with
 * the TOTP code of the customer's credential when the application holds its secret, and otherwise e-mails the
 * customer the bank's question; the customer replies by e-mail, the route reads the reply from the application's inbox
 * (IMAP), takes the code out of it and answers the customer's waiting run with {@code submitInteraction}.
 * <ol>
 * <li>{@code deck:taskRuns?status=interaction_required} hands over each episode once, with
 * {@code CamelDeckExternalId} (the customer), {@code CamelDeckInteractionType} and
 * {@code CamelDeckInteractionMessage}. TOTP when {@code mfa.totp.<customer>} is set: the code computed from
 * {@code ${properties:mfa.totp.<customer>}}, so the secret never shows in the route; else an e-mail (SMTP) to the
 * customer's address, with the bank's question.</li>
 * <li>The inbox: a reply's sender is mapped back to the customer, the code is taken out of its text
 * ({@code DeckOneTimeCodes}: quoted messages and signatures dropped, none when there are two candidates), and
 * {@code deck:submitInteraction} with {@code CamelDeckExternalId} answers the one run of the customer that waits. A
 * reply without a code is answered by e-mail asking again; a message from an address no customer has is ignored.</li>
 * <li>How the customers' runs ended.</li>
 * </ol>
 * Properties: {@code mfa.customers} (customer=address, comma-separated), {@code mfa.totp.<customer>},
 * {@code mfa.mail.smtp}, {@code mfa.mail.imap} (e.g. {@code smtps://smtp.example.com:465},
 * {@code imaps://imap.example.com:993}), {@code mfa.mail.address}, {@code mfa.mail.username},
 * {@code mfa.mail.password}, {@code mfa.mail.poll-delay}. The bean {@code mfaCustomers} ({@link MfaCustomers}) knows
 * the customers. The lines logged (logger {@code mfa}) name the customer, the run and the interaction type: never a
 * code, a secret, a password or what a reply says.
 */
public class MfaByMailRoutes extends RouteBuilder {

    /** The logger of the flow's lines. */
    static final String LOG = "mfa";

    /** The route that reads the replies. */
    static final String REPLIES_ROUTE = "mfa-replies";
    /** The route that sees the customers' runs end. */
    static final String ENDED_ROUTE = "mfa-ended";

    /** The subject of the e-mail with the bank's question. */
    static final String QUESTION_SUBJECT = "Your bank asks for a code";
    /** The subject of the e-mail that asks again. */
    static final String ASK_AGAIN_SUBJECT = "Your bank still needs the code";

    static final String QUESTION_TEXT = """
            Hello,

            Your bank asks for a code to go on with a task we run for you:

                ${header.CamelDeckInteractionMessage}

            Reply to this e-mail with the code. We pass the code on to your bank and keep nothing else of your reply.
            """;
    static final String ASK_AGAIN_TEXT = """
            Hello,

            We could not find the code in your reply: no number that reads as a code, or more than one.

            Reply to this e-mail with only the code your bank sent you.
            """;

    private static final String SMTP = "{{mfa.mail.smtp}}?username=RAW({{mfa.mail.username}})"
            + "&password=RAW({{mfa.mail.password}})&from=RAW({{mfa.mail.address}})";
    private static final String IMAP = "{{mfa.mail.imap}}?username=RAW({{mfa.mail.username}})"
            + "&password=RAW({{mfa.mail.password}})&delete=false&unseen=true&delay={{mfa.mail.poll-delay}}";
    /** The TOTP secret of the customer's credential, read from the properties when a code is computed. */
    private static final String TOTP_SECRET = "${properties:" + MfaCustomers.TOTP_PREFIX
            + "${header.CamelDeckExternalId}}";

    // the flow's lines: what happened, to which customer
    private static final String CUSTOMER = "${header.CamelDeckExternalId}  ";
    private static final String RUN = CUSTOMER + "run ${header.CamelDeckRunId}";
    private static final String BY_TOTP = "answered   " + RUN + " mfa by TOTP: code=******";
    private static final String MAILED = "e-mailed   " + RUN + " ${header.CamelDeckInteractionType}: the question to "
            + "${header.To}";
    private static final String WAITS = "waits      " + RUN + " ${header.CamelDeckInteractionType}: no TOTP secret "
            + "and no e-mail address for this customer, or not an mfa prompt";
    private static final String BY_MAIL = "answered   " + RUN + " from the customer's e-mail: code=******";
    private static final String NO_CODE = "no code    " + CUSTOMER
            + "the reply holds no code, or more than one: asked again by e-mail";
    private static final String NOT_SENT = "not sent   " + CUSTOMER + "the code in the reply: ${exception.message}";
    private static final String IGNORED = "ignored    a message from ${bean:mfaCustomers?method=senderOf}: "
            + "no customer has this address";
    private static final String ENDED = "run        " + RUN + " ${header.CamelDeckRunStatus}";

    @Override
    public void configure() {
        // @formatter:off
        // 1. a customer's run asks for input: TOTP when the application holds the secret, else an e-mail. The
        //    consumer also hands over episodes that are over by the time it reads them (its catch-up of the last
        //    lookback): only a run that still waits is answered.
        from("deck:taskRuns?status=interaction_required").routeId("mfa-asks")
                .filter(header(DeckConstants.RUN_STATUS).isEqualTo("interaction_required"))
                .choice()
                    .when(header(DeckConstants.INTERACTION_TYPE).isNotEqualTo("mfa"))
                        .log(LoggingLevel.INFO, LOG, WAITS)
                    .when(method("mfaCustomers", "holdsTotpSecret"))
                        // {"code": "<the TOTP code now>"}, to the run of the exchange (CamelDeckRunId)
                        .setBody(interactionBodyExpression(totpExpression(simple(TOTP_SECRET))))
                        .to("deck:submitInteraction")
                        .log(LoggingLevel.INFO, LOG, BY_TOTP)
                    .when(method("mfaCustomers", "reachableByMail"))
                        .setHeader("To", method("mfaCustomers", "addressOf"))
                        .setHeader("Subject", constant(QUESTION_SUBJECT))
                        .setHeader("Content-Type", constant("text/plain; charset=UTF-8"))
                        .setBody(simple(QUESTION_TEXT))
                        .to(SMTP)
                        .log(LoggingLevel.INFO, LOG, MAILED)
                    .otherwise()
                        .log(LoggingLevel.INFO, LOG, WAITS)
                .end();

        // 2. the application's inbox: each new message once (marked seen once the route is done with it; a failure
        //    leaves it unseen, for the next poll). Only a customer's address is read, and nothing of what any message
        //    says is logged.
        from(IMAP).routeId(REPLIES_ROUTE)
                .setHeader(DeckConstants.EXTERNAL_ID, method("mfaCustomers", "customerOf"))
                .choice()
                    .when(header(DeckConstants.EXTERNAL_ID).isNull())
                        .log(LoggingLevel.WARN, LOG, IGNORED)
                    .otherwise()
                        .to("direct:mfa-reply")
                .end();

        // the code in a customer's reply, to the one run of the customer that waits for input
        from("direct:mfa-reply").routeId("mfa-reply")
                // no code, or two candidates: ask again rather than guess
                .onException(DeckOneTimeCodeNotFoundException.class).handled(true)
                    .log(LoggingLevel.INFO, LOG, NO_CODE)
                    .to("direct:mfa-ask-again")
                .end()
                // no run of the customer waits (a late or second reply), several do, Deck has no credential of the
                // customer, or the run asks for other fields: nothing is sent to Deck
                .onException(DeckWaitingRunException.class, DeckExternalIdException.class,
                        IllegalArgumentException.class).handled(true)
                    .log(LoggingLevel.WARN, LOG, NOT_SENT)
                .end()
                // {"code": "..."}: the reply's quoted messages and signature are not searched
                .setBody(interactionBodyExpression(extractFromReplyExpression()))
                .to("deck:submitInteraction") // no run id: the one run of CamelDeckExternalId that waits
                .log(LoggingLevel.INFO, LOG, BY_MAIL);

        from("direct:mfa-ask-again").routeId("mfa-ask-again")
                .removeHeaders("*", DeckConstants.EXTERNAL_ID) // the reply's own headers must not go out again
                .setHeader("To", method("mfaCustomers", "addressOf"))
                .setHeader("Subject", constant(ASK_AGAIN_SUBJECT))
                .setHeader("Content-Type", constant("text/plain; charset=UTF-8"))
                .setBody(constant(ASK_AGAIN_TEXT))
                .to(SMTP);

        // 3. how the customers' runs ended
        from("deck:taskRuns?status=completed,failed").routeId(ENDED_ROUTE)
                .filter(method("mfaCustomers", "isCustomer"))
                    .log(LoggingLevel.INFO, LOG, ENDED);
        // @formatter:on
    }
}
