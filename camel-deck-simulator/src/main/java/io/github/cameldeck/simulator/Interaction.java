package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.core.TotpVerifier;
import io.github.cameldeck.simulator.json.Json;

/**
 * One prompt a run shows while {@code interaction_required}: the wire part ({@code type}, {@code message},
 * {@code fields}) plus what the simulator accepts as the right answer ({@code expect}: field name → value; fields
 * without an expectation accept any value). A TOTP prompt ({@link #totp(String)}, {@code expect_totp} in the scenario
 * form) accepts in its field {@code code} the authenticator code of a Base32 secret at the simulator clock's now
 * ({@link TotpVerifier}: HMAC-SHA1, 6 digits, 30 s, one step either side).
 */
public final class Interaction {

    /** One input to collect ({@code fields[]} on the wire). */
    public record Field(String name, String type, String label) {
        public Field {
            Objects.requireNonNull(name, "name");
            type = type == null ? "string" : type;
            label = label == null ? name : label;
        }
    }

    public static final String MFA = "mfa";
    public static final String SECURITY_QUESTION = "security_question";
    public static final String ACCOUNT_SELECTION = "account_selection";

    /** The field a TOTP prompt checks. */
    public static final String TOTP_FIELD = "code";
    /** The message of {@link #totp(String)}. */
    public static final String TOTP_MESSAGE = "Enter the code from your authenticator app.";

    private final String type;
    private final String message;
    private final List<Field> fields;
    private final Map<String, String> expect;
    private final String totpSecret;
    private final TotpVerifier totp;

    private Interaction(String type, String message, List<Field> fields, Map<String, String> expect,
            String totpSecret) {
        this.type = Objects.requireNonNull(type, "type");
        this.message = Objects.requireNonNull(message, "message");
        this.fields = List.copyOf(fields);
        this.expect = Map.copyOf(expect);
        if (this.fields.isEmpty()) {
            throw new IllegalArgumentException("An interaction needs at least one field");
        }
        this.totpSecret = totpSecret;
        this.totp = totpSecret == null ? null : TotpVerifier.ofBase32(totpSecret);
        if (totpSecret != null && this.fields.stream().noneMatch(f -> f.name().equals(TOTP_FIELD))) {
            throw new IllegalArgumentException("A TOTP interaction needs the field " + TOTP_FIELD);
        }
        if (totpSecret != null && this.expect.containsKey(TOTP_FIELD)) {
            throw new IllegalArgumentException("A TOTP interaction checks the field " + TOTP_FIELD
                    + " against the secret: expect must not name it");
        }
    }

    /** MFA prompt with field {@code code}, expecting {@code 123456}. */
    public static Interaction mfa() {
        return mfa("123456");
    }

    /** MFA prompt with field {@code code}, expecting the given code. */
    public static Interaction mfa(String expectedCode) {
        return of(MFA, null, null, Map.of("code", expectedCode));
    }

    /**
     * MFA prompt with field {@code code} that accepts the TOTP code of a Base32 secret at the simulator clock's now (the
     * current 30-second step, or the one before or after), with the message {@value #TOTP_MESSAGE}.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32
     */
    public static Interaction totp(String base32Secret) {
        return new Interaction(MFA, TOTP_MESSAGE, defaultFields(MFA), Map.of(),
                Objects.requireNonNull(base32Secret, "base32Secret"));
    }

    /** Security question with field {@code answer}, expecting {@code fluffy}. */
    public static Interaction securityQuestion() {
        return securityQuestion("fluffy");
    }

    public static Interaction securityQuestion(String expectedAnswer) {
        return of(SECURITY_QUESTION, null, null, Map.of("answer", expectedAnswer));
    }

    /** Account choice with field {@code account_id}, expecting {@code acc_1}. */
    public static Interaction accountSelection() {
        return accountSelection("acc_1");
    }

    public static Interaction accountSelection(String expectedAccountId) {
        return of(ACCOUNT_SELECTION, null, null, Map.of("account_id", expectedAccountId));
    }

    /**
     * Any interaction; a null message or fields take the defaults of the type (an unknown type gets one field
     * {@code value}).
     */
    public static Interaction of(String type, String message, List<Field> fields, Map<String, String> expect) {
        return new Interaction(type, message != null ? message : defaultMessage(type),
                fields != null ? fields : defaultFields(type), expect != null ? expect : Map.of(), null);
    }

    public Interaction withMessage(String newMessage) {
        return new Interaction(type, newMessage, fields, expect, totpSecret);
    }

    public Interaction withExpect(Map<String, String> newExpect) {
        return new Interaction(type, message, fields, newExpect, totpSecret);
    }

    public String type() {
        return type;
    }

    public String message() {
        return message;
    }

    public List<Field> fields() {
        return fields;
    }

    public Map<String, String> expect() {
        return expect;
    }

    /** The Base32 secret whose TOTP code the field {@code code} must hold, or null when it is not a TOTP prompt. */
    public String expectTotp() {
        return totpSecret;
    }

    /** The first field name missing from the submitted input, or null if all are present. */
    public String firstMissingField(JsonNode input) {
        for (Field field : fields) {
            JsonNode value = input == null ? null : input.get(field.name());
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                return field.name();
            }
        }
        return null;
    }

    /**
     * True if every expected value matches the submitted input (values compared as text), and for a TOTP prompt the
     * field {@code code} holds the code of {@code now}'s step or of the step before or after it.
     */
    public boolean accepts(JsonNode input, Instant now) {
        for (Map.Entry<String, String> e : expect.entrySet()) {
            String submitted = Json.text(input == null ? null : input.get(e.getKey()));
            if (!Objects.equals(submitted == null ? null : submitted.trim(), e.getValue())) {
                return false;
            }
        }
        return totp == null || totp.verify(Json.text(input == null ? null : input.get(TOTP_FIELD)), now);
    }

    /** {@link #accepts(JsonNode, Instant)} at the wall clock's now (the simulator itself passes its own clock's). */
    public boolean accepts(JsonNode input) {
        return accepts(input, Instant.now());
    }

    /** The wire object {@code {type, message, fields}}. */
    public ObjectNode toWireJson() {
        ObjectNode node = Json.object();
        node.put("type", type);
        node.put("message", message);
        ArrayNode array = node.putArray("fields");
        for (Field f : fields) {
            array.addObject().put("name", f.name()).put("type", f.type()).put("label", f.label());
        }
        return node;
    }

    /** The scenario form: the wire object plus {@code expect}, and {@code expect_totp} for a TOTP prompt. */
    public ObjectNode toJson() {
        ObjectNode node = toWireJson();
        ObjectNode exp = node.putObject("expect");
        expect.forEach(exp::put);
        if (totpSecret != null) {
            node.put("expect_totp", totpSecret);
        }
        return node;
    }

    /** Reads the scenario form; {@code path} is used in error messages (e.g. {@code simulation.interactions[0]}). */
    public static Interaction fromJson(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new ScenarioFormatException(path, "`" + path + "` must be an object.");
        }
        if (node.isTextual()) {
            return of(node.asText(), null, null, defaultExpect(node.asText()));
        }
        if (!node.isObject()) {
            throw new ScenarioFormatException(path, "`" + path + "` must be an object.");
        }
        String type = Json.text(node.get("type"));
        if (type == null || type.isBlank()) {
            throw new ScenarioFormatException(path + ".type", "`" + path + ".type` is required.");
        }
        String message = Json.text(node.get("message"));
        List<Field> fields = null;
        JsonNode fieldsNode = node.get("fields");
        if (fieldsNode != null && !fieldsNode.isNull()) {
            if (!fieldsNode.isArray() || fieldsNode.isEmpty()) {
                throw new ScenarioFormatException(path + ".fields", "`" + path + ".fields` must be a non-empty array.");
            }
            fields = new ArrayList<>();
            for (int i = 0; i < fieldsNode.size(); i++) {
                JsonNode f = fieldsNode.get(i);
                String name = Json.text(f.get("name"));
                if (name == null || name.isBlank()) {
                    throw new ScenarioFormatException(path + ".fields[" + i + "].name",
                            "`" + path + ".fields[" + i + "].name` is required.");
                }
                fields.add(new Field(name, Json.text(f.get("type")), Json.text(f.get("label"))));
            }
        }
        String totpSecret = totpSecret(node, path);
        Map<String, String> expect;
        JsonNode expectNode = node.get("expect");
        if (expectNode == null || expectNode.isNull()) {
            expect = fields == null && totpSecret == null ? defaultExpect(type) : Map.of();
        } else if (!expectNode.isObject()) {
            throw new ScenarioFormatException(path + ".expect", "`" + path + ".expect` must be an object.");
        } else {
            expect = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = expectNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                expect.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        if (totpSecret == null) {
            return of(type, message, fields, expect);
        }
        if (fields != null && fields.stream().noneMatch(f -> f.name().equals(TOTP_FIELD))) {
            throw new ScenarioFormatException(path + ".fields", "`" + path + ".fields` must include the field `"
                    + TOTP_FIELD + "`, which `" + path + ".expect_totp` checks.");
        }
        if (expect.containsKey(TOTP_FIELD)) {
            throw new ScenarioFormatException(path + ".expect." + TOTP_FIELD, "`" + path + ".expect." + TOTP_FIELD
                    + "` cannot be given with `" + path + ".expect_totp`, which checks that field.");
        }
        return new Interaction(type, message != null ? message : MFA.equals(type) ? TOTP_MESSAGE : defaultMessage(type),
                fields != null ? fields : defaultFields(MFA), expect, totpSecret);
    }

    /** The {@code expect_totp} key of the scenario form: a Base32 secret, or null when absent. */
    private static String totpSecret(JsonNode node, String path) {
        JsonNode secret = node.get("expect_totp");
        if (secret == null || secret.isNull()) {
            return null;
        }
        if (!secret.isTextual() || !TotpVerifier.isBase32(secret.asText())) {
            throw new ScenarioFormatException(path + ".expect_totp",
                    "`" + path + ".expect_totp` must be a Base32 secret (A-Z, 2-7), as authenticator apps show it.");
        }
        return secret.asText();
    }

    static String defaultMessage(String type) {
        switch (type) {
            case MFA :
                return "Enter the 6-digit code sent to your phone.";
            case SECURITY_QUESTION :
                return "What was the name of your first pet?";
            case ACCOUNT_SELECTION :
                return "Several accounts are linked to this login. Which one should be used? (acc_1, acc_2)";
            default :
                return "The source needs more information to continue.";
        }
    }

    static List<Field> defaultFields(String type) {
        switch (type) {
            case MFA :
                return List.of(new Field("code", "string", "Verification code"));
            case SECURITY_QUESTION :
                return List.of(new Field("answer", "string", "Answer"));
            case ACCOUNT_SELECTION :
                return List.of(new Field("account_id", "string", "Account"));
            default :
                return List.of(new Field("value", "string", "Value"));
        }
    }

    static Map<String, String> defaultExpect(String type) {
        switch (type) {
            case MFA :
                return Map.of("code", "123456");
            case SECURITY_QUESTION :
                return Map.of("answer", "fluffy");
            case ACCOUNT_SELECTION :
                return Map.of("account_id", "acc_1");
            default :
                return Map.of();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Interaction)) {
            return false;
        }
        Interaction other = (Interaction) o;
        return type.equals(other.type) && message.equals(other.message) && fields.equals(other.fields)
                && expect.equals(other.expect) && Objects.equals(totpSecret, other.totpSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, message, fields, expect, totpSecret);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
