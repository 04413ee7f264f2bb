package io.github.cameldeck.otp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameldeck.otp.DeckOneTimeCodes.extractExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.extractFromBodyExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.interactionBodyExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.totpExpression;
import static org.assertj.core.api.Assertions.assertThat;

/** The bean and the Java DSL expressions in routes, up to answering a run's mfa interaction on the simulator. */
class DeckOneTimeCodesTest extends DeckTestSupport {

    private static final String TOTP_SECRET = "JBSW Y3DP EHPK 3PXP";
    private static final Instant FIXED = Instant.parse("2026-10-05T08:15:44Z");
    private static final String CUSTOMER_REPLY = "Here it is: code 482 913\n\nOn Mon, 5 Oct 2026 at 10:15, Deck "
            + "<support@deck.example> wrote:\n> Please reply with the code your bank sent you.";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().addInitialProperty("bank.totp.secret", TOTP_SECRET);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                DeckOneTimeCodes fixedCodes = new DeckOneTimeCodes(Clock.fixed(FIXED, ZoneOffset.UTC));
                from("direct:beanClass").bean(DeckOneTimeCodes.class, "totp(${properties:bank.totp.secret})");
                from("direct:beanOnFixedClock").setBody(method(fixedCodes, "totp(${properties:bank.totp.secret})"));
                from("direct:totpOfSecret").setBody(totpExpression(TOTP_SECRET));
                from("direct:totpOfProperty").setBody(totpExpression(simple("${properties:bank.totp.secret}")));
                from("direct:extractFromBody").setBody(extractFromBodyExpression());
                from("direct:extractFromHeader").setBody(extractExpression(header("sms")));
                from("direct:extractFromText").setBody(extractExpression("Ihre TAN lautet 771204"));
                from("direct:answerOtpField").setBody(interactionBodyExpression("otp", extractFromBodyExpression()));
                from("direct:answerFromEmail")
                        .setBody(interactionBodyExpression(extractFromBodyExpression()))
                        .to("deck:submitInteraction?waitForCompletion=true");
                from("direct:answerWithTotp")
                        .setBody(method(fixedCodes, "totp(${properties:bank.totp.secret})"))
                        .setBody(method(fixedCodes, "interactionBody(${body})"))
                        .to("deck:submitInteraction?waitForCompletion=true");
            }
        };
    }

    @Test
    void theBeanGivesTheCodeNow() {
        String before = Totp.fromBase32(TOTP_SECRET).codeNow();
        String code = template.requestBody("direct:beanClass", null, String.class);
        String after = Totp.fromBase32(TOTP_SECRET).codeNow();

        assertThat(code).hasSize(6).containsOnlyDigits().isIn(before, after);
    }

    @Test
    void theBeanOnAFixedClock() {
        assertThat(template.requestBody("direct:beanOnFixedClock", null, String.class))
                .isEqualTo(Totp.fromBase32(TOTP_SECRET).codeAt(FIXED));
    }

    @Test
    void theTotpExpressionsGiveTheCodeNow() {
        for (String route : new String[]{"direct:totpOfSecret", "direct:totpOfProperty"}) {
            String before = Totp.fromBase32(TOTP_SECRET).codeNow();
            String code = template.requestBody(route, null, String.class);
            String after = Totp.fromBase32(TOTP_SECRET).codeNow();

            assertThat(code).as(route).hasSize(6).containsOnlyDigits().isIn(before, after);
        }
    }

    @Test
    void extractsFromTheBodyAHeaderOrAText() {
        assertThat(template.requestBody("direct:extractFromBody", CUSTOMER_REPLY, String.class)).isEqualTo("482913");
        assertThat(template.requestBody("direct:extractFromBody",
                "<p>Votre code de v&eacute;rification&nbsp;: <b>204918</b></p>".getBytes(StandardCharsets.UTF_8),
                String.class)).as("bytes, through Camel's type converter").isEqualTo("204918");
        assertThat(template.requestBodyAndHeader("direct:extractFromHeader", null, "sms",
                "G-530112 is your verification code.", String.class)).isEqualTo("530112");
        assertThat(template.requestBody("direct:extractFromText", null, String.class)).isEqualTo("771204");
    }

    @Test
    void noCodeFailsTheExchangeWithoutShowingTheText() {
        String twoCodes = "Your old code 111111 is no longer valid. Your new code is 222222.";

        Exchange out = template.request("direct:extractFromBody", e -> e.getIn().setBody(twoCodes));

        assertThat(out.getException()).isInstanceOf(DeckOneTimeCodeNotFoundException.class)
                .hasMessageContaining("No one-time code found").hasMessageContaining("(" + twoCodes.length()
                        + " characters)")
                .hasMessageNotContaining("111111").hasMessageNotContaining("222222")
                .hasMessageNotContaining("old code");
        assertThat(((DeckOneTimeCodeNotFoundException) out.getException()).getTextLength())
                .isEqualTo(twoCodes.length());
        assertThat(template.request("direct:extractFromBody", e -> e.getIn().setBody(null)).getException())
                .isInstanceOf(DeckOneTimeCodeNotFoundException.class).hasMessageContaining("(0 characters)");
    }

    @Test
    void theInteractionBodyIsAMap() {
        assertThat(template.requestBody("direct:answerOtpField", "Your OTP: 640118", Map.class))
                .isEqualTo(Map.of("otp", "640118"));
        DeckOneTimeCodes codes = new DeckOneTimeCodes();
        assertThat(codes.interactionBody("482913")).isEqualTo(Map.of("code", "482913"));
        assertThat(codes.interactionBody("pin", "1987")).isEqualTo(Map.of("pin", "1987"));
    }

    @Test
    void answersAnMfaInteractionWithTheCodeFromACustomersEmail() {
        TaskRun needsCode = runUntilInteraction("482913");

        TaskRun done = template.requestBodyAndHeader("direct:answerFromEmail", CUSTOMER_REPLY, DeckConstants.RUN_ID,
                needsCode.getId(), TaskRun.class);

        assertThat(done.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
    }

    @Test
    void answersAnMfaInteractionWithTotp() {
        TaskRun needsCode = runUntilInteraction(Totp.fromBase32(TOTP_SECRET).codeAt(FIXED));

        TaskRun done = template.requestBodyAndHeader("direct:answerWithTotp", null, DeckConstants.RUN_ID,
                needsCode.getId(), TaskRun.class);

        assertThat(done.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
    }

    private TaskRun runUntilInteraction(String expectedCode) {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20)).withInteraction(Interaction.mfa(expectedCode)));
        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null,
                TaskRun.class);
        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        return run;
    }
}
