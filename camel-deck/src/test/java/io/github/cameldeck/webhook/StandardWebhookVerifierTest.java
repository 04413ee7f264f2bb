package io.github.cameldeck.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhookVerifierTest {

    // the test vector published with the Standard Webhooks specification
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String OTHER_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8));

    private static StandardWebhookVerifier verifierAt(long epochSecond, String... secrets) {
        return new StandardWebhookVerifier(List.of(secrets), Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsTheSpecificationVector() {
        assertThat(StandardWebhookVerifier.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
        assertThatCode(() -> verifierAt(SPEC_TIMESTAMP, SPEC_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsASecretWithoutItsPrefix() {
        assertThatCode(() -> verifierAt(SPEC_TIMESTAMP, SPEC_SECRET.substring("whsec_".length()))
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP, SPEC_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, tampered))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage("No webhook signature matches a configured secret");
    }

    @Test
    void rejectsATamperedIdOrTimestamp() {
        StandardWebhookVerifier verifier = verifierAt(SPEC_TIMESTAMP, SPEC_SECRET);
        assertThatThrownBy(() -> verifier.verify("msg_other", Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP + 1), SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void rejectsAWrongSecretWithoutShowingEitherSecret() {
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP, OTHER_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageNotContaining("MfKQ9r8GKYqr")
                .hasMessageNotContaining(OTHER_SECRET.substring(6, 16));
    }

    @Test
    void rejectsStaleAndFutureTimestamps() {
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP + 301, SPEC_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP - 301, SPEC_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("in the future");
        assertThatCode(() -> verifierAt(SPEC_TIMESTAMP + 299, SPEC_SECRET)
                .verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheOldSecretDuringARotationAndEitherSignatureOfAHeader() throws Exception {
        StandardWebhookVerifier rotated = verifierAt(SPEC_TIMESTAMP, OTHER_SECRET, SPEC_SECRET);
        rotated.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY);
        String newSignature = StandardWebhookVerifier.sign(OTHER_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);
        rotated.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), newSignature, SPEC_BODY);

        // a sender signing with both secrets: a receiver that knows only one of them accepts it
        String both = newSignature + " " + SPEC_SIGNATURE;
        verifierAt(SPEC_TIMESTAMP, SPEC_SECRET).verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), both, SPEC_BODY);
        verifierAt(SPEC_TIMESTAMP, OTHER_SECRET).verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), both, SPEC_BODY);
    }

    @Test
    void namesTheMissingOrMalformedHeader() {
        StandardWebhookVerifier verifier = verifierAt(SPEC_TIMESTAMP, SPEC_SECRET);
        String ts = Long.toString(SPEC_TIMESTAMP);
        assertThatThrownBy(() -> verifier.verify(null, ts, SPEC_SIGNATURE, SPEC_BODY))
                .hasMessage("Missing webhook-id header");
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, " ", SPEC_SIGNATURE, SPEC_BODY))
                .hasMessage("Missing webhook-timestamp header");
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, ts, null, SPEC_BODY))
                .hasMessage("Missing webhook-signature header");
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, "yesterday", SPEC_SIGNATURE, SPEC_BODY))
                .hasMessage("The webhook-timestamp header is not Unix seconds");
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, ts, "v2,abc", SPEC_BODY))
                .hasMessage("The webhook-signature header has no v1 signature");
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, ts, "v1,***", SPEC_BODY))
                .hasMessage("The webhook-signature header has no v1 signature");
        // an unsigned-looking entry next to the right one does not hide it
        assertThatCode(() -> verifier.verify(SPEC_ID, ts, "v1a,xyz " + SPEC_SIGNATURE, SPEC_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesSecretsThatAreNotBase64WithoutShowingThem() {
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP, SPEC_SECRET, "whsec_not*base64*secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Webhook secret number 2 is not a whsec_ secret: the part after whsec_ must be base64");
        assertThatThrownBy(() -> new StandardWebhookVerifier(List.of(), Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No webhook secret");
    }
}
