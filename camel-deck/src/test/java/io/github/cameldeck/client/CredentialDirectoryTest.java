package io.github.cameldeck.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckExternalIdException;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Credential;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** External ids looked up once per time to live, on a clock the test moves; none and several named. */
class CredentialDirectoryTest extends DeckTestSupport {

    private static final long TTL = Duration.ofMinutes(10).toMillis();

    private final AtomicLong nanos = new AtomicLong();
    private final CredentialDirectory directory = new CredentialDirectory(nanos::get);

    private DeckClient client() {
        return context.getEndpoint("deck:listCredentials", DeckEndpoint.class).getClient();
    }

    private String credentialWithExternalId(String sourceId, String externalId) {
        return template.requestBody("deck:createCredential", Map.of("source_id", sourceId, "external_id", externalId,
                "auth_credentials", Map.of("username", "u", "password", "p")), Credential.class).getId();
    }

    private long credentialReads() {
        return sim().stats().requests("GET /v2/credentials") + sim().stats().requests("GET /v2/credentials/{id}");
    }

    @Test
    void aLookupIsRememberedForItsTimeToLive() {
        String id = credentialWithExternalId(source.id(), "cust-ttl");
        long before = credentialReads();

        String first = Futures.await(directory.credentialIdOf(client(), "cust-ttl", null, TTL));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        String second = Futures.await(directory.credentialIdOf(client(), "cust-ttl", null, TTL));
        // what the lookup found answers the other direction too
        String externalId = Futures.await(directory.externalIdOf(client(), id, TTL));
        long withinTtl = credentialReads() - before;
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        Futures.await(directory.credentialIdOf(client(), "cust-ttl", null, TTL));

        assertThat(first).isEqualTo(id).isEqualTo(second);
        assertThat(externalId).isEqualTo("cust-ttl");
        assertThat(withinTtl).isEqualTo(1);
        assertThat(credentialReads() - before).isEqualTo(2);
    }

    @Test
    void concurrentLookupsShareOneCall() {
        credentialWithExternalId(source.id(), "cust-shared");
        long before = credentialReads();

        CompletableFuture<?>[] lookups = new CompletableFuture<?>[20];
        for (int i = 0; i < lookups.length; i++) {
            lookups[i] = directory.credentialIdOf(client(), "cust-shared", null, TTL);
        }
        CompletableFuture.allOf(lookups).join();

        assertThat(credentialReads() - before).isEqualTo(1);
    }

    @Test
    void noneAndSeveralAreNamedAndAFailedLookupIsNotRemembered() {
        String other = sim().createSource("https://other-bank.example.com").id();
        String atFirst = credentialWithExternalId(source.id(), "cust-two-banks");
        String atOther = credentialWithExternalId(other, "cust-two-banks");

        assertThatThrownBy(() -> Futures.await(directory.credentialIdOf(client(), "cust-nobody", null, TTL)))
                .isInstanceOfSatisfying(DeckExternalIdException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(DeckExternalIdException.Reason.NO_CREDENTIAL);
                    assertThat(e.getMessage()).contains("cust-nobody");
                });
        assertThatThrownBy(() -> Futures.await(directory.credentialIdOf(client(), "cust-two-banks", null, TTL)))
                .isInstanceOfSatisfying(DeckExternalIdException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(DeckExternalIdException.Reason.SEVERAL_CREDENTIALS);
                    assertThat(e.getCredentialIds()).containsExactlyInAnyOrder(atFirst, atOther);
                    assertThat(e.getMessage()).contains(atFirst, atOther, "sourceId");
                });
        assertThat(Futures.await(directory.credentialIdOf(client(), "cust-two-banks", other, TTL))).isEqualTo(atOther);

        long before = credentialReads();
        assertThatThrownBy(() -> Futures.await(directory.credentialIdOf(client(), "cust-nobody", null, TTL)))
                .isInstanceOf(DeckExternalIdException.class);
        assertThat(credentialReads() - before).as("a failed lookup is asked again").isEqualTo(1);
    }

    @Test
    void aForgottenCredentialIsLookedUpAgain() {
        String id = credentialWithExternalId(source.id(), "cust-forget");
        Futures.await(directory.credentialIdOf(client(), "cust-forget", null, TTL));
        long before = credentialReads();

        directory.forget(id);
        Futures.await(directory.credentialIdOf(client(), "cust-forget", null, TTL));
        Futures.await(directory.externalIdOf(client(), id, TTL));

        assertThat(credentialReads() - before).isEqualTo(1);
    }
}
