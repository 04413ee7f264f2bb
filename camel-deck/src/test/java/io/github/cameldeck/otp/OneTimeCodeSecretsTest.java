package io.github.cameldeck.otp;

import java.util.ArrayList;
import java.util.List;

import io.github.cameldeck.DeckTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static io.github.cameldeck.otp.DeckOneTimeCodes.interactionBodyExpression;
import static io.github.cameldeck.otp.DeckOneTimeCodes.totpExpression;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TOTP secret from {@code ${properties:...}} appears in no route definition, exception message or log line, with
 * camel-deck and Camel at TRACE except the two loggers by which Camel itself shows secrets, as the guide says: the
 * values its property resolution finds (org.apache.camel.component.properties, from DEBUG, vault functions included)
 * and the arguments of the bean methods it calls (org.apache.camel.component.bean, at TRACE).
 */
class OneTimeCodeSecretsTest extends DeckTestSupport {

    private static final String TOTP_SECRET = "NEVERSHOWNTOTPSECRETQQQQ234567AB";
    private static final String BAD_SECRET = "NOT-BASE32-secret-0189-never-shown";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().addInitialProperty("bank.totp.secret", TOTP_SECRET);
        context.getPropertiesComponent().addInitialProperty("bank.bad.secret", BAD_SECRET);
        context.getPropertiesComponent().addInitialProperty("vault.totp.secret", "{{sys:test.totp.secret}}");
        context.getPropertiesComponent().addInitialProperty("vault.bad.secret", "{{sys:test.bad.secret}}");
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:vaulted").routeId("vaulted")
                        .setBody(interactionBodyExpression(
                                totpExpression(simple("${properties:vault.totp.secret}"))));
                from("direct:badVaulted").routeId("badVaulted")
                        .setBody(totpExpression(simple("${properties:vault.bad.secret}")));
                from("direct:expression").routeId("expression")
                        .setBody(interactionBodyExpression(totpExpression(simple("${properties:bank.totp.secret}"))));
                from("direct:badExpression").routeId("badExpression")
                        .setBody(totpExpression(simple("${properties:bank.bad.secret}")));
                from("direct:bean").routeId("bean")
                        .setBody(method(DeckOneTimeCodes.class, "totp(${properties:bank.totp.secret})"))
                        .setBody(method(DeckOneTimeCodes.class, "interactionBody(${body})"));
                from("direct:badBean").routeId("badBean")
                        .setBody(method(DeckOneTimeCodes.class, "totp(${properties:bank.bad.secret})"));
            }
        };
    }

    @Test
    void aVaultBackedSecretInTheExpressionsIsNowhere() throws Exception {
        // a properties function stands for the vault's (aws:, hashicorp:, azure:, gcp:...)
        System.setProperty("test.totp.secret", TOTP_SECRET);
        System.setProperty("test.bad.secret", BAD_SECRET);
        try {
            assertNowhere("vaulted", "badVaulted");
        } finally {
            System.clearProperty("test.totp.secret");
            System.clearProperty("test.bad.secret");
        }
        assertThat(String.valueOf(context.getRouteDefinition("vaulted"))).contains("totp(<secret>)");
    }

    @Test
    void aSecretInTheExpressionsIsNowhere() throws Exception {
        assertNowhere("expression", "badExpression");
    }

    @Test
    void aSecretPassedToTheBeanIsNowhere() throws Exception {
        assertNowhere("bean", "badBean");
        assertThat(String.valueOf(context.getRouteDefinition("bean")))
                .contains("totp(${properties:bank.totp.secret})");
    }

    /**
     * Runs the good and the bad route with Camel and camel-deck at TRACE, except Camel's property resolution at INFO
     * and its bean component at DEBUG.
     */
    private void assertNowhere(String route, String badRoute) throws Exception {
        List<String> messages = new ArrayList<>();
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
        Configurator.setLevel("org.apache.camel.component.bean", Level.DEBUG);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        try {
            String before = Totp.fromBase32(TOTP_SECRET).codeNow();
            Exchange out = template.request("direct:" + route, e -> {
            });
            String after = Totp.fromBase32(TOTP_SECRET).codeNow();
            assertThat(out.getException()).as(route).isNull();
            assertThat(out.getMessage().getBody(String.class)).as(route + ": the code of the secret resolved")
                    .isIn("{code=" + before + "}", "{code=" + after + "}");

            Exchange failed = template.request("direct:" + badRoute, e -> {
            });
            assertThat(failed.getException()).as(badRoute).isNotNull();
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failed.getException(); t != null; t = t.getCause()) {
                chain.append(t).append('\n');
            }
            assertThat(chain.toString()).as(badRoute).contains("not Base32 at position 4");
            messages.add(chain.toString());
            LoggerFactory.getLogger(OneTimeCodeSecretsTest.class).info("Logged by the test: the failure",
                    failed.getException());
            messages.add(String.valueOf(context.getRouteDefinition(route)));
            messages.add(String.valueOf(context.getRouteDefinition(badRoute)));
            messages.forEach(m -> LoggerFactory.getLogger(OneTimeCodeSecretsTest.class)
                    .info("Logged by the test: {}", m));
        } finally {
            Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
            Configurator.setLevel("org.apache.camel.component.bean", Level.INFO);
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.DEBUG);
        }
        assertThat(messages).hasSize(3)
                .allSatisfy(m -> assertThat(m).doesNotContain(TOTP_SECRET).doesNotContain(BAD_SECRET));
        String logs = readTestLog();
        assertThat(logs).as("the test log").contains("Logged by the test").contains("TRACE");
        assertThat(logs).doesNotContain(TOTP_SECRET).doesNotContain(BAD_SECRET);
    }
}
