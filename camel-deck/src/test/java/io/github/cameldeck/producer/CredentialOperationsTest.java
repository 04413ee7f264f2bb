package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.DeletedObject;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** createCredential, getCredential, listCredentials, updateCredential, deleteCredential against the simulator. */
class CredentialOperationsTest extends DeckTestSupport {

    private Exchange create(String externalId, String password) {
        return template.request("deck:createCredential?sourceId=" + source.id(), e -> {
            e.getIn().setBody(Map.of("auth_credentials", Map.of("username", "bob", "password", password)));
            e.getIn().setHeader(DeckConstants.EXTERNAL_ID, externalId);
        });
    }

    @Test
    void createFillsInTheSourceTheExternalIdAndTheAuthMethod() {
        Exchange out = create("cust-1", "bob-secret-1");

        assertThat(out.getException()).isNull();
        Credential credential = out.getMessage().getBody(Credential.class);
        assertThat(credential.getId()).startsWith("cred_");
        assertThat(credential.getStatus()).isEqualTo("unverified");
        assertThat(credential.getSourceId()).isEqualTo(source.id());
        assertThat(credential.getExternalId()).isEqualTo("cust-1");
        // without auth_method, Deck would have made it a credential without a login
        assertThat(credential.getAuthMethod()).isEqualTo("username_password");
        assertThat(credential.getAuthCredentials().getUsername()).isEqualTo("bob");
        assertThat(credential.getAuthCredentials().getPassword()).isNull();
        assertThat(out.getMessage().getHeader(DeckConstants.CREDENTIAL_ID)).isEqualTo(credential.getId());
        assertThat(out.getMessage().getHeader(DeckConstants.EXTERNAL_ID)).isEqualTo("cust-1");
        assertThat(out.getMessage().getHeader(DeckConstants.REQUEST_ID, String.class)).startsWith("req_");
        assertThat(sim().credential(credential.getId()).username()).isEqualTo("bob");
    }

    @Test
    void getReadsByIdOrByExternalId() {
        String id = create("cust-2", "pw-2").getMessage().getBody(Credential.class).getId();

        Credential byId = template.requestBodyAndHeader("deck:getCredential", null, DeckConstants.CREDENTIAL_ID, id,
                Credential.class);
        Credential byExternalId = template.requestBody("deck:getCredential?externalId=cust-2", null,
                Credential.class);

        assertThat(byId.getId()).isEqualTo(id);
        assertThat(byExternalId.getId()).isEqualTo(id);
        assertThat(byId.getRequestId()).startsWith("req_");
    }

    @Test
    void listFiltersByExternalIdStatusAndSource() {
        String id = create("cust-3", "pw-3").getMessage().getBody(Credential.class).getId();
        create("cust-4", "pw-4");

        List<?> byExternalId = template.requestBody("deck:listCredentials?externalId=cust-3", null, List.class);
        List<?> unverified = template.requestBody("deck:listCredentials?status=unverified&sourceId=" + source.id(),
                null, List.class);
        List<?> verified = template.requestBody("deck:listCredentials?status=verified", null, List.class);

        assertThat(byExternalId).extracting(c -> ((Credential) c).getId()).containsExactly(id);
        assertThat(unverified).hasSizeGreaterThanOrEqualTo(2);
        assertThat(verified).allSatisfy(c -> assertThat(((Credential) c).getStatus()).isEqualTo("verified"));
        assertThat(verified).extracting(c -> ((Credential) c).getId()).doesNotContain(id);
    }

    @Test
    void updateChangesTheLoginAndDeleteKeepsTheCredentialAsDeleted() {
        String id = create("cust-5", "pw-5").getMessage().getBody(Credential.class).getId();

        Credential updated = template.requestBodyAndHeader("deck:updateCredential",
                Map.of("external_id", "cust-5b", "auth_credentials", Map.of("username", "bob", "password", "pw-5b")),
                DeckConstants.CREDENTIAL_ID, id, Credential.class);
        Exchange deleted = template.request("deck:deleteCredential?credentialId=" + id, e -> {
        });
        Credential after = template.requestBody("deck:getCredential?credentialId=" + id, null, Credential.class);

        assertThat(updated.getExternalId()).isEqualTo("cust-5b");
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getBody(DeletedObject.class).isDeletedObject()).isTrue();
        assertThat(deleted.getMessage().getHeader(DeckConstants.CREDENTIAL_ID)).isEqualTo(id);
        assertThat(after.getStatus()).isEqualTo("deleted");
    }

    @Test
    void aCredentialDeckDoesNotKnowIsDecksNotFound() {
        Exchange out = template.request("deck:getCredential?credentialId=cred_missing", e -> {
        });

        assertThat(out.getException()).isInstanceOfSatisfying(DeckApiException.class,
                e -> assertThat(e.getHttpResponseCode()).isEqualTo(404));
    }
}
