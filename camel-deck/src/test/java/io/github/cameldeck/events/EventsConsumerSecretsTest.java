package io.github.cameldeck.events;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConsoles;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook secret appears in no printed endpoint URI, answer or log line, even at TRACE, whether deliveries are
 * accepted or rejected, when it is configured on the component as the guide recommends.
 */
class EventsConsumerSecretsTest extends EventsConsumerTestSupport {

    private static final String SECRET_PART = SECRET.substring("whsec_".length());
    private static final String OTHER_PART = OTHER_SECRET.substring("whsec_".length());

    @Test
    void anEndpointUriWithTheSecretIsPrintedMasked() {
        Endpoint endpoint = context.getEndpoint("deck:events?webhookSecret=RAW(" + SECRET + ")");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(SECRET_PART);
        assertThat(endpoint.toString()).doesNotContain(SECRET_PART);
    }

    @Test
    void theSecretIsNowhereInAnswersOrLogs() throws Exception {
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        try {
            // on the component, as the guide recommends: Camel's own TRACE lines print endpoint URIs as written
            context.getComponent("deck", DeckComponent.class).getConfiguration().setWebhookSecret(SECRET);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:events?catchUpInterval=0&types=task_run.completed")
                            .routeId("events")
                            .to("mock:events");
                }
            });
            MockEndpoint mock = getMockEndpoint("mock:events");
            mock.expectedMessageCount(1);
            String body = taskRunEvent("evt_S1", "task_run.completed", "trun_S1", "completed");
            assertThat(deliver("/deck/events", "evt_S1", body, SECRET).body()).doesNotContain(SECRET_PART);
            assertThat(deliver("/deck/events", "evt_S2", body, OTHER_SECRET).body()).doesNotContain(SECRET_PART)
                    .doesNotContain(OTHER_PART);
            mock.assertIsSatisfied();
        } finally {
            Configurator.setLevel("org.apache.camel", Level.INFO);
            Configurator.setLevel("io.github.cameldeck", Level.TRACE);
        }
        String logs = readTestLog();
        assertThat(logs).as("the test log").contains("Rejected a webhook delivery").contains("TRACE");
        assertThat(logs).doesNotContain(SECRET_PART).doesNotContain(OTHER_PART);
        assertThat(DeckConsoles.everything(context)).as("the deck dev console").contains("Consumer events")
                .doesNotContain(SECRET_PART).doesNotContain(OTHER_PART);
    }

    @Test
    void aSecretWrittenInTheUriIsMaskedInTheDeckConsole() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?catchUpInterval=0&webhookSecret=RAW(" + SECRET + ")").routeId("events")
                        .to("mock:events");
            }
        });
        assertThat(DeckConsoles.everything(context)).contains("Consumer events (deck://events?")
                .doesNotContain(SECRET_PART);
    }
}
