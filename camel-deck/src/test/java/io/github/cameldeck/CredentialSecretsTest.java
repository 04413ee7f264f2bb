package io.github.cameldeck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.model.AuthCredentials;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.EventDestination;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential's password and source fields, and an event destination's signing secret, appear in no exception
 * message, model toString() or log line of camel-deck or Camel, even at TRACE, whether the call succeeds, Deck refuses
 * it, or camel-deck refuses the body before sending it.
 */
class CredentialSecretsTest extends DeckTestSupport {

    private static final String PASSWORD = "Pa55-word-never-shown-7f3a";
    private static final String NEW_PASSWORD = "Pa55-word-changed-9c1e";
    private static final String PIN = "pin-never-shown-4417";
    private static final String DESTINATION_SECRET = "whsec_bmV2ZXItc2hvd24tZGVzdGluYXRpb24tc2VjcmV0";

    @Test
    void passwordsAndDestinationSecretsAreNowhere() throws Exception {
        List<String> messages = new ArrayList<>();
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        try {
            Map<String, Object> login = Map.of("username", "carol", "password", PASSWORD, "source_fields",
                    Map.of("pin", PIN));
            Exchange created = template.request("deck:createCredential", e -> e.getIn()
                    .setBody(Map.of("source_id", source.id(), "auth_credentials", login)));
            Credential credential = created.getMessage().getBody(Credential.class);
            messages.add(credential.toString());
            messages.add(String.valueOf(credential.getAuthCredentials()));
            template.requestBodyAndHeader("deck:updateCredential", Map.of("auth_credentials",
                    Map.of("username", "carol", "password", NEW_PASSWORD)), DeckConstants.CREDENTIAL_ID,
                    credential.getId());

            // refused by Deck: an unknown source
            messages.add(failure(template.request("deck:createCredential", e -> e.getIn()
                    .setBody(Map.of("source_id", "src_missing", "auth_credentials", login)))));
            // refused before sending: no source, broken JSON around the password, an array
            messages.add(failure(template.request("deck:createCredential", e -> e.getIn()
                    .setBody(Map.of("auth_credentials", login)))));
            messages.add(failure(template.request("deck:createCredential", e -> e.getIn()
                    .setBody("{\"source_id\": \"" + source.id() + "\", \"auth_credentials\": {\"password\": "
                            + PASSWORD + "}}"))));
            messages.add(failure(template.request("deck:updateCredential?credentialId=" + credential.getId(),
                    e -> e.getIn().setBody("[\"" + NEW_PASSWORD + "\"]"))));

            AuthCredentials typed = new AuthCredentials();
            typed.setUsername("carol");
            typed.setPassword(PASSWORD);
            typed.setSourceFields(Map.of("pin", PIN));
            messages.add(typed.toString());

            Exchange destination = template.request("deck:createEventDestination", e -> e.getIn().setBody(Map.of(
                    "name", "secret-test", "webhook", Map.of("url", "http://127.0.0.1:9/hook", "secret",
                            DESTINATION_SECRET))));
            messages.add(destination.getMessage().getBody(EventDestination.class).toString());
            messages.add(failure(template.request("deck:createEventDestination", e -> e.getIn()
                    .setBody("{\"name\": \"x\", \"webhook\": {\"secret\": " + DESTINATION_SECRET + "}}"))));
            messages.forEach(m -> LoggerFactory.getLogger(CredentialSecretsTest.class)
                    .info("Logged by the test: {}", m));
        } finally {
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.DEBUG);
        }
        assertThat(messages).hasSize(9).allSatisfy(m -> assertThat(m).doesNotContain(PASSWORD, NEW_PASSWORD, PIN,
                DESTINATION_SECRET));
        // the deck dev console lists the failed calls among its recent errors
        String console = DeckConsoles.everything(context);
        assertThat(console).contains("recentErrors");
        assertThat(console).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain(PIN)
                .doesNotContain(DESTINATION_SECRET).doesNotContain(deck.apiKey());
        String logs = readTestLog();
        assertThat(logs).as("the test log").contains("Logged by the test").contains("TRACE");
        assertThat(logs).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain(PIN)
                .doesNotContain(DESTINATION_SECRET);
    }

    @Test
    void aPasswordFromAPropertyStaysOutOfTheRouteAndTheLogs() throws Exception {
        String vaulted = "Vaulted-pa55word-never-shown-2b8d";
        System.setProperty("test.vault.password", vaulted);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fromVault").routeId("fromVault")
                        .setBody(simple("{\"source_id\": \"" + source.id() + "\", \"auth_credentials\": "
                                + "{\"username\": \"treasury\", \"password\": \"${properties:test.vault.password}\"}}"))
                        .to("deck:createCredential");
            }
        });
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        // from DEBUG, Camel's properties component logs the values it resolves (the guide says so)
        Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
        Credential credential;
        String dump;
        try {
            credential = template.requestBody("direct:fromVault", null, Credential.class);
            dump = context.getCamelContextExtension()
                    .getContextPlugin(org.apache.camel.spi.DumpRoutesStrategy.class) != null
                            ? String.valueOf(context.getRouteDefinition("fromVault"))
                            : "";
        } finally {
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.DEBUG);
            System.clearProperty("test.vault.password");
        }
        assertThat(credential.getAuthMethod()).isEqualTo("username_password");
        assertThat(sim().credentialHasPassword(credential.getId(), vaulted)).as("the property's value reached Deck")
                .isTrue();
        assertThat(dump).contains("${properties:test.vault.password}").doesNotContain(vaulted);
        assertThat(readTestLog()).doesNotContain(vaulted);
    }

    /** The failure's message with the messages of its causes. */
    private static String failure(Exchange exchange) {
        assertThat(exchange.getException()).as("a failed exchange").isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        LoggerFactory.getLogger(CredentialSecretsTest.class).info("Logged by the test: the failure", exchange
                .getException());
        return all.toString();
    }
}
