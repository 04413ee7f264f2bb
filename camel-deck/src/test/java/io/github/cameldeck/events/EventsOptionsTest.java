package io.github.cameldeck.events;

import io.github.cameldeck.DeckTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Options of deck:events that cannot work fail the route at start, with a message naming the option, before any call
 * to Deck; the secret never shows in the message.
 */
class EventsOptionsTest extends DeckTestSupport {

    @Test
    void aWebhookSecretIsRequired() {
        assertStartFails("deck:events", "deck:events needs the webhookSecret option");
    }

    @Test
    void aSecretThatIsNotBase64IsNamedButNotShown() {
        assertThatThrownBy(() -> startRoute("deck:events?webhookSecret=RAW(" + SECRET + ",whsec_s3cr3t*value)"))
                .rootCause()
                .hasMessageContaining("The webhookSecret option: Webhook secret number 2 is not a whsec_ secret")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void invalidOptionsAreNamed() {
        String secret = "webhookSecret=RAW(" + SECRET + ")";
        assertStartFails("deck:events?types=task_run.done!&" + secret,
                "The types option has an invalid event type 'task_run.done!'");
        assertStartFails("deck:events?types=*,task_run.completed&" + secret, "* (every type) cannot be combined");
        assertStartFails("deck:events?webhookPath=deck&" + secret,
                "The webhookPath option must be a path starting with /");
        assertStartFails("deck:events?catchUpInterval=-1&" + secret, "The catchUpInterval option must not be negative");
        assertStartFails("deck:events?concurrentConsumers=0&" + secret,
                "The concurrentConsumers option must be at least 1");
        assertStartFails("deck:events?maxPendingEvents=0&" + secret, "The maxPendingEvents option must be at least 1");
        assertStartFails("deck:events?signatureTolerance=0&" + secret,
                "The signatureTolerance option must be positive");
        assertStartFails("deck:events?autoRegister=true&" + secret, "autoRegister needs the publicUrl option");
        assertStartFails("deck:events?autoRegister=true&publicUrl=http://app.example.com/deck/events&" + secret,
                "The publicUrl option must use https");
        assertStartFails("deck:events?autoRegister=true&publicUrl=ftp://app.example.com/x&" + secret,
                "The publicUrl option must be an http(s) URL with a host");
        assertThatThrownBy(() -> template.sendBody("deck:events?" + secret, null))
                .rootCause()
                .hasMessageContaining("deck:events is a consumer operation");
    }

    @Test
    void nothingWasSentToDeck() {
        long before = sim().stats().totalRequests();
        assertStartFails("deck:events?types=task_run.done!&webhookSecret=RAW(" + SECRET + ")", "invalid event type");
        assertStartFails("deck:events", "webhookSecret");
        org.assertj.core.api.Assertions.assertThat(sim().stats().totalRequests()).isEqualTo(before);
    }

    @Test
    void scheduledPollOptionsAreRefusedByName() {
        String secret = "webhookSecret=RAW(" + SECRET + ")";
        assertStartFails("deck:events?delay=5000&initialDelay=0&" + secret,
                "deck:events does not poll, so it has no use for delay, initialDelay (options of the polling "
                        + "consumer deck:taskRuns); remove them");
        assertStartFails("deck:events?scheduler.foo=1&greedy=true&" + secret,
                "it has no use for greedy, scheduler.foo");
    }

    @Test
    void theWebhookComponentMustServeHttp() {
        String secret = "webhookSecret=RAW(" + SECRET + ")";
        assertStartFails("deck:events?webhookComponentName=nope&" + secret,
                "The webhookComponentName option names the component 'nope', which is not on the classpath");
        assertStartFails("deck:events?webhookComponentName=log&" + secret,
                "The webhookComponentName option names the component 'log', which cannot receive HTTP requests");
    }

    /** Runs where no platform-http engine is on the classpath (the camel-latest build). */
    @Test
    void withoutPlatformHttpTheErrorNamesWhatToAdd() {
        assumeFalse(isOnClasspath("org.apache.camel.component.platform.http.PlatformHttpComponent"),
                "platform-http is on this test classpath");
        assertStartFails("deck:events?webhookSecret=RAW(" + SECRET + ")",
                "deck:events receives Deck's webhooks through Camel's platform-http, which is not on the classpath: "
                        + "add camel-platform-http-main");
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void assertStartFails(String uri, String message) {
        assertThatThrownBy(() -> startRoute(uri)).satisfies(e -> {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            org.assertj.core.api.Assertions.assertThat(cause).hasMessageContaining(message);
        });
    }

    private void startRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r" + Math.abs(uri.hashCode())).to("mock:out");
            }
        });
    }
}
