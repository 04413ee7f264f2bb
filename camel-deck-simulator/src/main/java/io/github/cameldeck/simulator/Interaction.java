package io.github.cameldeck.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.json.Json;

/**
 * One prompt a run shows while {@code interaction_required}: the wire part ({@code type}, {@code message},
 * {@code fields}) plus what the simulator accepts as the right answer ({@code expect}: field name → value; fields
 * without an expectation accept any value).
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

    private final String type;
    private final String message;
    private final List<Field> fields;
    private final Map<String, String> expect;

    private Interaction(String type, String message, List<Field> fields, Map<String, String> expect) {
        this.type = Objects.requireNonNull(type, "type");
        this.message = Objects.requireNonNull(message, "message");
        this.fields = List.copyOf(fields);
        this.expect = Map.copyOf(expect);
        if (this.fields.isEmpty()) {
            throw new IllegalArgumentException("An interaction needs at least one field");
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
                fields != null ? fields : defaultFields(type), expect != null ? expect : Map.of());
    }

    public Interaction withMessage(String newMessage) {
        return new Interaction(type, newMessage, fields, expect);
    }

    public Interaction withExpect(Map<String, String> newExpect) {
        return new Interaction(type, message, fields, newExpect);
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

    /** True if every expected value matches the submitted input (values compared as text). */
    public boolean accepts(JsonNode input) {
        for (Map.Entry<String, String> e : expect.entrySet()) {
            String submitted = Json.text(input == null ? null : input.get(e.getKey()));
            if (!Objects.equals(submitted == null ? null : submitted.trim(), e.getValue())) {
                return false;
            }
        }
        return true;
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

    /** The scenario form: the wire object plus {@code expect}. */
    public ObjectNode toJson() {
        ObjectNode node = toWireJson();
        ObjectNode exp = node.putObject("expect");
        expect.forEach(exp::put);
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
        Map<String, String> expect;
        JsonNode expectNode = node.get("expect");
        if (expectNode == null || expectNode.isNull()) {
            expect = fields == null ? defaultExpect(type) : Map.of();
        } else if (!expectNode.isObject()) {
            throw new ScenarioFormatException(path + ".expect", "`" + path + ".expect` must be an object.");
        } else {
            expect = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = expectNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                expect.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        return of(type, message, fields, expect);
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
                && expect.equals(other.expect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, message, fields, expect);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
