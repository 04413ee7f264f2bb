package io.github.cameldeck.otp;

import java.time.Duration;
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
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bean declared and called from a YAML route: TOTP, and a customer's e-mail answering an mfa interaction. */
class OneTimeCodesYamlTest extends DeckTestSupport {

    private static final String TOTP_SECRET = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().addInitialProperty("bank.totp.secret", TOTP_SECRET);
        return context;
    }

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/deck-otp.camel.yaml"));
    }

    @Test
    void totpFromAProperty() {
        String before = Totp.fromBase32(TOTP_SECRET).codeNow();
        Map<?, ?> body = template.requestBody("direct:yaml-totp", null, Map.class);
        String after = Totp.fromBase32(TOTP_SECRET).codeNow();

        assertThat(body).hasSize(1);
        assertThat(body.get("code")).isIn(before, after);
    }

    @Test
    void aCustomersEmailAnswersTheInteraction() {
        TaskRun needsCode = runUntilInteraction("640118");

        TaskRun done = template.requestBodyAndHeader("direct:yaml-email",
                "Hallo,\n\nder Code von meiner Bank ist 640 118.\n\nViele Grüße\nAnna\n\n"
                        + "Am 05.10.2026 um 10:15 schrieb Deck <support@deck.example>:\n> Bitte senden Sie uns den Code.",
                DeckConstants.RUN_ID, needsCode.getId(), TaskRun.class);

        assertThat(done.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
    }

    @Test
    void anEmailWithoutACodeGoesToAPerson() throws Exception {
        TaskRun needsCode = runUntilInteraction("640118");
        MockEndpoint person = getMockEndpoint("mock:person");
        person.expectedMessageCount(1);

        Exchange out = template.request("direct:yaml-email", e -> {
            e.getIn().setHeader(DeckConstants.RUN_ID, needsCode.getId());
            e.getIn().setBody("I have two codes, 111111 and 222222. Which one do you need?");
        });

        person.assertIsSatisfied();
        assertThat(out.getException()).isNull();
        assertThat(person.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(DeckOneTimeCodeNotFoundException.class);
        assertThat(sim().stats().requests("POST /v2/task-runs/{id}/interaction")).isZero();
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
