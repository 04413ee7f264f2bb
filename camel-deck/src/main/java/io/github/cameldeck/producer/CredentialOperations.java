package io.github.cameldeck.producer;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.support.RunHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations on credentials, a customer's login at a source: createCredential, getCredential, listCredentials,
 * updateCredential, deleteCredential. A credential's password and source fields are secrets: no error message shows
 * any part of a body that may hold them.
 */
final class CredentialOperations extends ResourceGroup<Credential> {

    static final Set<String> STATUSES = Set.of("unverified", "verified", "invalid", "deleted");
    private static final Pattern SOURCE_FIELD = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final int MAX_SOURCE_FIELDS = 10;
    private static final int MAX_EXTERNAL_ID = 255;

    CredentialOperations(DeckEndpoint endpoint) {
        super(endpoint, "/credentials", Credential.class, DeckConstants.CREDENTIAL_ID, "credentialId");
        register(DeckOperation.createCredential, this::createCredential);
        register(DeckOperation.getCredential, this::getCredential);
        register(DeckOperation.listCredentials, exchange -> list(exchange, filters()), this::filters);
        register(DeckOperation.updateCredential, this::updateCredential);
        register(DeckOperation.deleteCredential, this::deleteCredential);
    }

    @Override
    protected String idOptionValue() {
        return configuration.getCredentialId();
    }

    private CompletableFuture<Void> createCredential(Exchange exchange) {
        ObjectNode body = requiredBody(exchange, DeckOperation.createCredential, true,
                "the credential (source_id, auth_method, auth_credentials, external_id)");
        Message in = exchange.getIn();
        fillIn(body, "source_id", value(in, DeckConstants.SOURCE_ID, configuration.getSourceId()));
        fillIn(body, "external_id", externalId(exchange));
        JsonNode login = body.path("auth_credentials");
        // Deck defaults auth_method to none, which would drop a password without a word
        if (!body.hasNonNull("auth_method") && login.hasNonNull("password")) {
            body.put("auth_method", "username_password");
        }
        requireFields(body, DeckOperation.createCredential,
                Map.of("source_id", optionOrHeader("sourceId", DeckConstants.SOURCE_ID)), "source_id");
        if ("username_password".equals(body.path("auth_method").asText())) {
            requireFields(body, DeckOperation.createCredential, Map.of(), "auth_credentials.username",
                    "auth_credentials.password");
        }
        checkLogin(body, DeckOperation.createCredential);
        return create(exchange, DeckOperation.createCredential, body);
    }

    private CompletableFuture<Void> getCredential(Exchange exchange) {
        Message in = exchange.getIn();
        String credentialId = value(in, DeckConstants.CREDENTIAL_ID, configuration.getCredentialId());
        String externalId = externalId(exchange);
        if (credentialId == null && externalId == null) {
            throw new IllegalArgumentException("getCredential needs the credentialId option or the "
                    + DeckConstants.CREDENTIAL_ID + " header, or the externalId option or the "
                    + DeckConstants.EXTERNAL_ID + " header");
        }
        if (credentialId != null) {
            return get(exchange, DeckOperation.getCredential);
        }
        return endpoint.credentialIdOf(externalId, value(in, DeckConstants.SOURCE_ID, configuration.getSourceId()))
                .thenCompose(id -> endpoint.getClient().fetch(pathOf(id), List.of(), Credential.class))
                .thenAccept(found -> reply(exchange, found));
    }

    private CompletableFuture<Void> updateCredential(Exchange exchange) {
        ObjectNode changes = requiredBody(exchange, DeckOperation.updateCredential, true,
                "the fields to change (auth_credentials, external_id)");
        checkLogin(changes, DeckOperation.updateCredential);
        String id = id(exchange, DeckOperation.updateCredential);
        endpoint.getCredentialDirectory().forget(id);
        return update(exchange, DeckOperation.updateCredential, changes);
    }

    private CompletableFuture<Void> deleteCredential(Exchange exchange) {
        String id = id(exchange, DeckOperation.deleteCredential);
        return delete(exchange, DeckOperation.deleteCredential)
                .whenComplete((done, error) -> endpoint.getCredentialDirectory().forget(id));
    }

    private List<Map.Entry<String, String>> filters() {
        return ListFilters.of(DeckOperation.listCredentials)
                .addEach("source_id", configuration.getSourceId())
                .addEachOf("status", "status", configuration.getStatus(), STATUSES)
                .add("external_id", configuration.getExternalId())
                .build();
    }

    @Override
    protected BiConsumer<Message, Credential> moreHeaders() {
        return (out, credential) -> {
            RunHeaders.setOrRemove(out, DeckConstants.EXTERNAL_ID, credential.getExternalId());
            endpoint.getCredentialDirectory().remember(credential);
        };
    }

    /** Deck's rules for external_id and source_fields, checked before the call; values are never shown. */
    private static void checkLogin(ObjectNode body, DeckOperation operation) {
        JsonNode externalId = body.path("external_id");
        if (externalId.isTextual() && externalId.asText().length() > MAX_EXTERNAL_ID) {
            throw new IllegalArgumentException(operation + ": external_id is " + externalId.asText().length()
                    + " characters long; Deck accepts at most " + MAX_EXTERNAL_ID);
        }
        JsonNode fields = body.path("auth_credentials").path("source_fields");
        if (fields.isMissingNode() || fields.isNull()) {
            return;
        }
        if (!fields.isObject()) {
            throw new IllegalArgumentException(operation + ": auth_credentials.source_fields must be a JSON object");
        }
        if (fields.size() > MAX_SOURCE_FIELDS) {
            throw new IllegalArgumentException(operation + ": auth_credentials.source_fields has " + fields.size()
                    + " entries; Deck accepts at most " + MAX_SOURCE_FIELDS);
        }
        for (Iterator<String> names = fields.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SOURCE_FIELD.matcher(name).matches() || name.equals("username") || name.equals("password")) {
                throw new IllegalArgumentException(operation + ": the source field name '" + name + "' is not "
                        + "allowed; names match ^[a-z][a-z0-9_]{0,63}$ and are not username or password");
            }
        }
    }
}
