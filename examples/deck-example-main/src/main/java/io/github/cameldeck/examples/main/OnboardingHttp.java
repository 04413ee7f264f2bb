package io.github.cameldeck.examples.main;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckExternalIdException;
import io.github.cameldeck.DeckWaitingRunException;
import io.github.cameldeck.model.AuthCredentials;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The bean {@code onboardingHttp}: the HTTP side of {@link OnboardingRoutes}. It reads the posted forms and writes the
 * JSON answers.
 * <p>
 * platform-http hands the fields of an {@code application/x-www-form-urlencoded} body over as a {@code Map} body
 * and also as message headers, and it sends every header that is not a Camel header back to the caller as a response
 * header. So the form is read from the body, and every request header is removed before anything else can happen:
 * the password and the code go back to no caller, not even in an error answer.
 */
public class OnboardingHttp {

    /** The exchange property that keeps the customer's answer ({@code {"code": ...}}) while the route finds the run. */
    static final String ANSWER = "onboardingAnswer";

    /**
     * What a customer id may look like: it becomes Deck's {@code external_id} (at most 255 characters) and the
     * customer's folder under the archive, so no path separators and no leading dot.
     */
    static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private static final int MAX_FIELD_LENGTH = 1024;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * {@code POST /onboarding}: the customer's login at the bank as the body createCredential sends, a
     * {@link Credential} with its {@link AuthCredentials} (Jackson writes it, so a quote in a password cannot break the
     * JSON); the customer id goes into {@code CamelDeckExternalId}.
     *
     * @throws InvalidForm naming the fields that are missing or wrong
     */
    public Credential credential(Exchange exchange) {
        Map<String, String> form = takeForm(exchange, "customer", "username", "password");
        String customer = customer(form);
        AuthCredentials login = new AuthCredentials();
        login.setUsername(form.get("username"));
        login.setPassword(form.get("password"));
        Credential credential = new Credential();
        credential.setAuthCredentials(login);
        exchange.getMessage().setHeader(DeckConstants.EXTERNAL_ID, customer);
        return credential;
    }

    /** After createCredential: 202 with the customer, Deck's credential id and its status; the body has no password. */
    public void credentialCreated(Exchange exchange) {
        Credential credential = exchange.getMessage().getBody(Credential.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customer", exchange.getMessage().getHeader(DeckConstants.EXTERNAL_ID));
        answer.put("credential", credential.getId());
        answer.put("status", credential.getStatus());
        reply(exchange, 202, answer);
    }

    /**
     * {@code POST /onboarding/code}: the customer id into {@code CamelDeckExternalId}, and the answer for the waiting
     * run, {@code {"code": ...}}, into the exchange property {@link #ANSWER}.
     *
     * @throws InvalidForm naming the fields that are missing or wrong
     */
    public void answer(Exchange exchange) {
        Map<String, String> form = takeForm(exchange, "customer", "code");
        String customer = customer(form);
        exchange.getMessage().setHeader(DeckConstants.EXTERNAL_ID, customer);
        exchange.setProperty(ANSWER, Map.of("code", form.get("code")));
    }

    /** After submitInteraction: 202 with the customer, the run and its status (running again). */
    public void answered(Exchange exchange) {
        exchange.removeProperty(ANSWER);
        TaskRun run = exchange.getMessage().getBody(TaskRun.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customer", exchange.getMessage().getHeader(DeckConstants.EXTERNAL_ID));
        answer.put("run", run.getId());
        answer.put("status", run.getStatusValue());
        reply(exchange, 202, answer);
    }

    /**
     * The error answers: 400 for a form that is incomplete or wrong (with the fields), 404 for a customer Deck has no
     * credential for (409 for one with several) or no run waiting for a code (409 for several), 502 when Deck refused the call (with Deck's status and code), 500
     * otherwise. The message of camel-deck's exceptions never holds a password.
     */
    public void failed(Exchange exchange) {
        exchange.removeProperty(ANSWER);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        int status;
        if (error instanceof InvalidForm invalid) {
            status = 400;
            answer.put("error", invalid.getMessage());
            answer.put("fields", invalid.fields());
        } else if (error instanceof DeckWaitingRunException waiting) {
            status = waiting.getReason() == DeckWaitingRunException.Reason.NO_WAITING_RUN ? 404 : 409;
            answer.put("customer", exchange.getMessage().getHeader(DeckConstants.EXTERNAL_ID));
            answer.put("error", waiting.getMessage());
        } else if (error instanceof DeckExternalIdException unknown) {
            status = unknown.getReason() == DeckExternalIdException.Reason.NO_CREDENTIAL ? 404 : 409;
            answer.put("customer", unknown.getExternalId());
            answer.put("error", unknown.getMessage());
        } else if (error instanceof DeckApiException deck) {
            status = 502;
            answer.put("error", "Deck refused: " + deck.getMessage());
            answer.put("deckStatus", deck.getHttpResponseCode());
            answer.put("deckCode", deck.getErrorCode());
        } else {
            status = 500;
            answer.put("error",
                    error == null ? "failed" : error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        reply(exchange, status, answer);
    }

    private static String customer(Map<String, String> form) {
        String customer = form.get("customer");
        if (!CUSTOMER_ID.matcher(customer).matches()) {
            throw new InvalidForm("The field customer must be 1 to 255 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit", List.of("customer"));
        }
        return customer;
    }

    /**
     * The form's fields, each required and given once; removes every request header first (they echo the fields,
     * and platform-http would send them back).
     */
    private static Map<String, String> takeForm(Exchange exchange, String... names) {
        Message message = exchange.getMessage();
        message.removeHeaders("*", "Camel*");
        Object body = message.getBody();
        message.setBody(null);
        Map<?, ?> form = body instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String name : names) {
            Object value = form.get(name);
            if (value instanceof Collection<?> || value != null && value.toString().length() > MAX_FIELD_LENGTH) {
                wrong.add(name);
            } else if (value == null || value.toString().isBlank()) {
                missing.add(name);
            } else {
                values.put(name, value.toString());
            }
        }
        if (!missing.isEmpty()) {
            List<String> fields = new ArrayList<>(missing);
            fields.addAll(wrong);
            throw new InvalidForm("The form needs the field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (application/x-www-form-urlencoded)", fields);
        }
        if (!wrong.isEmpty()) {
            throw new InvalidForm("The field" + (wrong.size() > 1 ? "s " : " ") + String.join(", ", wrong)
                    + " must be given once, with at most " + MAX_FIELD_LENGTH + " characters", wrong);
        }
        return values;
    }

    private void reply(Exchange exchange, int status, Map<String, Object> answer) {
        Message message = exchange.getMessage();
        try {
            message.setBody(json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    /** A form that is incomplete or wrong: answered 400, with the fields. Its message never holds a field's value. */
    public static class InvalidForm extends IllegalArgumentException {

        private final List<String> fields;

        InvalidForm(String message, List<String> fields) {
            super(message);
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }
}
