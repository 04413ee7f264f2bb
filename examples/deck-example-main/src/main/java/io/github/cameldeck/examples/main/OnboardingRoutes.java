package io.github.cameldeck.examples.main;

import java.util.Set;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Onboarding a customer, end to end: a form posts the customer's login at the bank; {@code createCredential} stores it
 * in Deck under the customer's own id ({@code external_id}); a verification run of the statements task logs in; the
 * bank asks for an MFA code, which the customer posts and the route answers with {@code submitInteraction}; Deck
 * records {@code credential.verified}; the events consumer sees it and runs the task for the customer's first
 * statements, whose files land in {@code <onboarding.archive-dir>/<customer>/}.
 * <p>
 * Properties: {@code onboarding.source-id} (the bank, where the credentials log in), {@code onboarding.task-id} (the
 * statements task), {@code onboarding.archive-dir}, {@code onboarding.catch-up-interval}. The HTTP server is Camel
 * Main's ({@code camel-platform-http-main}, {@code camel.server.*}); the bean {@code onboardingHttp}
 * ({@link OnboardingHttp}) reads the forms and writes the answers. The lines logged (logger {@code onboarding}) name
 * the customer, the credential or run, and its status: never the password or the code.
 */
public class OnboardingRoutes extends RouteBuilder {

    /** The logger of the flow's lines. */
    static final String LOG = "onboarding";

    /** The route that handles {@code credential.verified}: it ends once the first statements are archived. */
    static final String VERIFIED_ROUTE = "onboarding-verified";

    private static final Set<String> UNFINISHED = Set.of("queued", "running", "interaction_required");

    // the flow's lines: what happened, to which customer
    private static final String CUSTOMER = "${header.CamelDeckExternalId}  ";
    private static final String RUN = CUSTOMER + "run ${header.CamelDeckRunId}";
    private static final String CREATED = "created    " + CUSTOMER + "credential ${body.id} ${body.status}";
    private static final String ANSWERED = "answered   " + RUN + " code=******";
    private static final String VERIFIED = "verified   " + CUSTOMER + "credential ${header.CamelDeckCredentialId}";
    private static final String ASKS = "asks       " + RUN
            + " ${body.interaction?.type} \"${body.interaction?.message}\": POST /onboarding/code";
    private static final String FAILED = "failed     " + RUN
            + ": ${body.errors[0].type}/${body.errors[0].code}: ${body.errors[0].message}";
    private static final String STATUS = "run        " + RUN + " ${header.CamelDeckRunStatus}";
    private static final String SAVED = "saved      " + CUSTOMER
            + "${header.CamelFileName}, ${header.CamelDeckFileSize} bytes";
    private static final String ARCHIVED = "archived   " + CUSTOMER
            + "${body.size()} files of run ${header.CamelDeckRunId}";

    @Override
    public void configure() {
        // @formatter:off
        // 1. the form: customer, username, password (application/x-www-form-urlencoded); answered 202 once Deck
        //    stored the credential, and the verification run starts in the background
        from("platform-http:/onboarding?httpMethodRestrict=POST").routeId("onboarding-form")
                .onException(Exception.class).handled(true).bean("onboardingHttp", "failed").end() // 400, 502, 500
                // a Credential with its AuthCredentials; CamelDeckExternalId: the customer
                .bean("onboardingHttp", "credential")
                // Deck's Credential (without the password); CamelDeckCredentialId: the new credential
                .to("deck:createCredential?sourceId={{onboarding.source-id}}")
                .log(LoggingLevel.INFO, LOG, CREATED)
                .wireTap("direct:onboarding-verify") // a copy, on another thread: the caller does not wait for the bank
                .bean("onboardingHttp", "credentialCreated"); // 202 {"customer", "credential", "status": "unverified"}

        // 2. the verification run: the statements task logs in with the new credential (CamelDeckCredentialId),
        //    until it finishes or the bank asks the customer for something
        from("direct:onboarding-verify").routeId("onboarding-verify")
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, LOG, "failed     " + CUSTOMER + "the verification run: ${exception.message}")
                .end()
                .setBody(constant("")) // the task input: none
                .to("deck:runTask?taskId={{onboarding.task-id}}&waitForCompletion=true&waitTimeout=10m")
                .to("direct:onboarding-run-status");

        // 3. the code the bank sent the customer: customer, code; answered 202 once Deck took it, 404 when no run of
        //    the customer waits (or Deck has no credential of that customer), 400 when a field is missing.
        //    submitInteraction answers the one run of the customer (CamelDeckExternalId) that waits for input,
        //    after checking the answer's fields against what the run asks for.
        from("platform-http:/onboarding/code?httpMethodRestrict=POST").routeId("onboarding-code")
                .onException(Exception.class).handled(true).bean("onboardingHttp", "failed").end() // 400, 404, 409...
                .bean("onboardingHttp", "answer") // CamelDeckExternalId: the customer; the code is kept aside
                .setBody(exchangeProperty(OnboardingHttp.ANSWER)) // {"code": "..."}
                .to("deck:submitInteraction")
                .log(LoggingLevel.INFO, LOG, ANSWERED)
                .bean("onboardingHttp", "answered"); // 202 {"customer", "run", "status": "running"}

        // 4. Deck verified a login: the customer's first statements, archived in a folder per customer. The consumer
        //    receives Deck's webhooks on the HTTP server's default path (/deck/events) and also reads Deck's event log
        //    every catchUpInterval. The simulator pushes webhooks only to a registered destination, and a local
        //    application is rarely reachable by Deck: reading the log every second (one request when nothing
        //    happened) finds the event within about a second either way. Events of the catch-up are routed one at a
        //    time, on its thread: the next customer's waits until this route is done with this one.
        from("deck:events?types=credential.verified&catchUpInterval={{onboarding.catch-up-interval}}")
                .routeId(VERIFIED_ROUTE)
                // a customer of this flow: an external id it could have given (the consumer looks it up), at its bank
                .filter(simple("${header.CamelDeckExternalId} regex '" + OnboardingHttp.CUSTOMER_ID.pattern() + "'"
                        + " && ${body.resource.sourceId} == '{{onboarding.source-id}}'"))
                    .log(LoggingLevel.INFO, LOG, VERIFIED)
                    .setBody(constant("")) // the task input: none; the event's credential (CamelDeckCredentialId)
                    .to("deck:runTask?taskId={{onboarding.task-id}}&waitForCompletion=true&waitTimeout=30m")
                    .to("direct:onboarding-run-status")
                    // The bank may ask again (the simulator's asks at every login): the customer answers through
                    // POST /onboarding/code. While the run waits for the customer, the route looks again every
                    // second; once answered, getTaskRun waits (through the shared watcher) until the run finishes
                    // or asks again.
                    .loopDoWhile(OnboardingRoutes::unfinished)
                        .setProperty("runStatus", header("CamelDeckRunStatus"))
                        .delay(1000)
                        .to("deck:getTaskRun?waitForCompletion=true&waitTimeout=30m")
                        .filter(simple("${header.CamelDeckRunStatus} != ${exchangeProperty.runStatus}"))
                            .to("direct:onboarding-run-status")
                        .end()
                    .end()
                    .choice()
                        .when(header("CamelDeckRunStatus").isEqualTo("completed"))
                            .to("deck:listStorage") // the files the run stored
                            .split(body())
                                .to("deck:downloadStorage")
                                .to("file:{{onboarding.archive-dir}}"
                                        + "?fileName=${header.CamelDeckExternalId}/${header.CamelFileName}")
                                .log(LoggingLevel.INFO, LOG, SAVED)
                            .end()
                            .log(LoggingLevel.INFO, LOG, ARCHIVED)
                    .end();

        // a run as it moves: what the bank asks for, or how it ended
        from("direct:onboarding-run-status").routeId("onboarding-run-status")
                .choice()
                    .when(header("CamelDeckRunStatus").isEqualTo("interaction_required"))
                        .log(LoggingLevel.INFO, LOG, ASKS)
                    .when(header("CamelDeckRunStatus").isEqualTo("failed"))
                        .log(LoggingLevel.WARN, LOG, FAILED)
                    .otherwise()
                        .log(LoggingLevel.INFO, LOG, STATUS)
                .end();
        // @formatter:on
    }

    /** Whether the run of the exchange is still under way, and the route has followed it for less than 30 minutes. */
    static boolean unfinished(Exchange exchange) {
        String status = exchange.getMessage().getHeader(DeckConstants.RUN_STATUS, String.class);
        return UNFINISHED.contains(status) && exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class) < 1800;
    }
}
