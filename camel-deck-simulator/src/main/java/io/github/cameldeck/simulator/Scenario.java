package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.json.Json;

/**
 * How a simulated run moves: time in {@code queued}, running time (split evenly around interactions), the interactions
 * to ask for, an optional review pause, and how it ends. Immutable; the {@code with…} methods return copies.
 *
 * <p>
 * JSON form (task field {@code simulation}, run input key {@code _scenario}), all keys optional:
 * {@code queue_ms, run_ms, interactions[{type, message, fields[{name,type,label}], expect{}, expect_totp}], review_ms, outcome
 * (completed|failed|timeout|hang), error{type,code,message}, output, max_attempts, interaction_timeout_ms, reprompt_ms,
 * cancel_ms, files[{file_name, file_type, file_size}]}.
 */
public final class Scenario {

    /** How a run ends on its own. */
    public enum Outcome {
        /** Completes with {@code result: success} and the output. */
        COMPLETED,
        /** Fails with the scenario's error. */
        FAILED,
        /** Does its interactions, then keeps running until the task timeout fails it with {@code task/timeout}. */
        TIMEOUT,
        /** Stays {@code running} (no interactions) until canceled or the task timeout fails it. */
        HANG;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome fromWire(String value, String field) {
            for (Outcome o : values()) {
                if (o.wire().equals(value)) {
                    return o;
                }
            }
            throw new ScenarioFormatException(field,
                    "`" + field + "` must be one of completed, failed, timeout, hang.");
        }
    }

    private static final Set<String> KEYS = Set.of("queue_ms", "run_ms", "interactions", "review_ms", "outcome",
            "error", "output", "max_attempts", "interaction_timeout_ms", "reprompt_ms", "cancel_ms", "files");

    private static final Scenario DEFAULTS = new Scenario(Duration.ofMillis(200), Duration.ofMillis(1000), List.of(),
            null, Outcome.COMPLETED, DeckError.sourceError(), false, null, 3, Duration.ofMinutes(10),
            Duration.ofMillis(500), Duration.ofMillis(500), List.of());

    private final Duration queueTime;
    private final Duration runTime;
    private final List<Interaction> interactions;
    private final Duration reviewTime;
    private final Outcome outcome;
    private final DeckError error;
    private final boolean customOutput;
    private final JsonNode output;
    private final int maxAttempts;
    private final Duration interactionTimeout;
    private final Duration repromptDelay;
    private final Duration cancelDelay;
    private final List<StorageFile> files;

    private Scenario(Duration queueTime, Duration runTime, List<Interaction> interactions, Duration reviewTime,
            Outcome outcome, DeckError error, boolean customOutput, JsonNode output, int maxAttempts,
            Duration interactionTimeout, Duration repromptDelay, Duration cancelDelay, List<StorageFile> files) {
        this.queueTime = nonNegative(queueTime, "queue time");
        this.runTime = nonNegative(runTime, "run time");
        this.interactions = List.copyOf(interactions);
        this.reviewTime = reviewTime == null ? null : nonNegative(reviewTime, "review time");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.error = Objects.requireNonNull(error, "error");
        this.customOutput = customOutput;
        this.output = output;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.interactionTimeout = nonNegative(interactionTimeout, "interaction timeout");
        this.repromptDelay = nonNegative(repromptDelay, "reprompt delay");
        this.cancelDelay = nonNegative(cancelDelay, "cancel delay");
        this.files = List.copyOf(files);
    }

    private static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }

    /** Queued 200 ms, runs 1 s, completes with the default output. */
    public static Scenario defaults() {
        return DEFAULTS;
    }

    /** Completes after the given running time. */
    public static Scenario completesAfter(Duration runTime) {
        return DEFAULTS.withRunTime(runTime);
    }

    /** Fails (after the running time) with the given error. */
    public static Scenario fails(String type, String code, String message) {
        return DEFAULTS.withOutcome(Outcome.FAILED).withError(new DeckError(type, code, message));
    }

    /** Fails with {@code source/source_error}. */
    public static Scenario fails() {
        return DEFAULTS.withOutcome(Outcome.FAILED);
    }

    /** Never finishes on its own; the task timeout fails it with {@code task/timeout}. */
    public static Scenario timesOut() {
        return DEFAULTS.withOutcome(Outcome.TIMEOUT);
    }

    /** Stays running until canceled (or the task timeout). */
    public static Scenario hangs() {
        return DEFAULTS.withOutcome(Outcome.HANG);
    }

    public Scenario withQueueTime(Duration d) {
        return new Scenario(d, runTime, interactions, reviewTime, outcome, error, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    public Scenario withRunTime(Duration d) {
        return new Scenario(queueTime, d, interactions, reviewTime, outcome, error, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    /** Adds one interaction (one episode); repeatable, asked in order. */
    public Scenario withInteraction(Interaction interaction) {
        List<Interaction> list = new ArrayList<>(interactions);
        list.add(Objects.requireNonNull(interaction, "interaction"));
        return withInteractions(list);
    }

    public Scenario withInteractions(List<Interaction> list) {
        return new Scenario(queueTime, runTime, list, reviewTime, outcome, error, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    /** Pause in {@code review_required} (output set, result null) for the given time before completing. */
    public Scenario withReview(Duration d) {
        return new Scenario(queueTime, runTime, interactions, d, outcome, error, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    public Scenario withOutcome(Outcome o) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, o, error, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    public Scenario withError(DeckError e) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, e, customOutput, output, maxAttempts,
                interactionTimeout, repromptDelay, cancelDelay, files);
    }

    /** The output of a completed run (any value Jackson can convert; null gives {@code output: null}). */
    public Scenario withOutput(Object value) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, true, Json.toTree(value),
                maxAttempts, interactionTimeout, repromptDelay, cancelDelay, files);
    }

    /** Wrong answers allowed per interaction before the run fails with {@code auth/auth_invalid}. */
    public Scenario withMaxAttempts(int attempts) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, customOutput, output,
                attempts, interactionTimeout, repromptDelay, cancelDelay, files);
    }

    public Scenario withInteractionTimeout(Duration d) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, customOutput, output,
                maxAttempts, d, repromptDelay, cancelDelay, files);
    }

    /** Time between a wrong answer and the repeated prompt. */
    public Scenario withRepromptDelay(Duration d) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, customOutput, output,
                maxAttempts, interactionTimeout, d, cancelDelay, files);
    }

    /** Time between {@code canceling} and {@code canceled}. */
    public Scenario withCancelDelay(Duration d) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, customOutput, output,
                maxAttempts, interactionTimeout, repromptDelay, d, files);
    }

    /**
     * The files a completed run stores, one storage item each, in this order; none given (the default) = one PDF named
     * after the task and the run.
     */
    public Scenario withFiles(StorageFile... files) {
        return withFiles(List.of(files));
    }

    public Scenario withFiles(List<StorageFile> list) {
        return new Scenario(queueTime, runTime, interactions, reviewTime, outcome, error, customOutput, output,
                maxAttempts, interactionTimeout, repromptDelay, cancelDelay, list);
    }

    public Duration queueTime() {
        return queueTime;
    }

    public Duration runTime() {
        return runTime;
    }

    public List<Interaction> interactions() {
        return interactions;
    }

    /** The review pause, or null for none. */
    public Duration reviewTime() {
        return reviewTime;
    }

    public Outcome outcome() {
        return outcome;
    }

    public DeckError error() {
        return error;
    }

    /** True if {@link #output()} replaces the default {@code {"echo": input, "task": name}}. */
    public boolean hasCustomOutput() {
        return customOutput;
    }

    public JsonNode output() {
        return output == null ? null : output.deepCopy();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration interactionTimeout() {
        return interactionTimeout;
    }

    public Duration repromptDelay() {
        return repromptDelay;
    }

    public Duration cancelDelay() {
        return cancelDelay;
    }

    /** The files of {@link #withFiles}; empty = the default single PDF. */
    public List<StorageFile> files() {
        return files;
    }

    /** Running time of each segment between interactions. */
    public Duration segmentTime() {
        return runTime.dividedBy(interactions.size() + 1L);
    }

    /** Reads the JSON form; absent keys take the defaults. */
    public static Scenario fromJson(JsonNode node) {
        return DEFAULTS.overriddenBy(node, "scenario");
    }

    /**
     * This scenario with the keys present in {@code node} replaced; {@code path} names the JSON location for error
     * messages (e.g. {@code input._scenario}).
     *
     * @throws ScenarioFormatException if the JSON is not a valid scenario
     */
    public Scenario overriddenBy(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return this;
        }
        if (!node.isObject()) {
            throw new ScenarioFormatException(path, "`" + path + "` must be an object.");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ScenarioFormatException(path + "." + key,
                        "`" + path + "." + key + "` is not a scenario field; allowed: " + String.join(", ",
                                new java.util.TreeSet<>(KEYS)) + ".");
            }
        }
        Scenario s = this;
        if (node.has("queue_ms")) {
            s = s.withQueueTime(millis(node, "queue_ms", path));
        }
        if (node.has("run_ms")) {
            s = s.withRunTime(millis(node, "run_ms", path));
        }
        if (node.has("interactions")) {
            JsonNode array = node.get("interactions");
            List<Interaction> list = new ArrayList<>();
            if (!array.isNull()) {
                if (!array.isArray()) {
                    throw new ScenarioFormatException(path + ".interactions",
                            "`" + path + ".interactions` must be an array.");
                }
                for (int i = 0; i < array.size(); i++) {
                    list.add(Interaction.fromJson(array.get(i), path + ".interactions[" + i + "]"));
                }
            }
            s = s.withInteractions(list);
        }
        if (node.has("review_ms")) {
            s = s.withReview(node.get("review_ms").isNull() ? null : millis(node, "review_ms", path));
        }
        if (node.has("outcome")) {
            s = s.withOutcome(Outcome.fromWire(Json.text(node.get("outcome")), path + ".outcome"));
        }
        if (node.has("error")) {
            JsonNode e = node.get("error");
            if (!e.isObject()) {
                throw new ScenarioFormatException(path + ".error", "`" + path + ".error` must be an object.");
            }
            DeckError d = DeckError.sourceError();
            s = s.withError(new DeckError(orDefault(e, "type", d.type()), orDefault(e, "code", d.code()),
                    orDefault(e, "message", d.message()), Json.text(e.get("field"))));
        }
        if (node.has("output")) {
            s = s.withOutput(node.get("output"));
        }
        if (node.has("max_attempts")) {
            JsonNode n = node.get("max_attempts");
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
                throw new ScenarioFormatException(path + ".max_attempts",
                        "`" + path + ".max_attempts` must be an integer of at least 1.");
            }
            s = s.withMaxAttempts(n.asInt());
        }
        if (node.has("interaction_timeout_ms")) {
            s = s.withInteractionTimeout(millis(node, "interaction_timeout_ms", path));
        }
        if (node.has("reprompt_ms")) {
            s = s.withRepromptDelay(millis(node, "reprompt_ms", path));
        }
        if (node.has("cancel_ms")) {
            s = s.withCancelDelay(millis(node, "cancel_ms", path));
        }
        if (node.has("files")) {
            s = s.withFiles(filesFromJson(node.get("files"), path + ".files"));
        }
        return s;
    }

    private static List<StorageFile> filesFromJson(JsonNode array, String path) {
        List<StorageFile> list = new ArrayList<>();
        if (array.isNull()) {
            return list;
        }
        if (!array.isArray()) {
            throw new ScenarioFormatException(path, "`" + path + "` must be an array.");
        }
        for (int i = 0; i < array.size(); i++) {
            list.add(StorageFile.fromJson(array.get(i), path + "[" + i + "]"));
        }
        return list;
    }

    private static String orDefault(JsonNode node, String key, String fallback) {
        String text = Json.text(node.get(key));
        return text == null ? fallback : text;
    }

    private static Duration millis(JsonNode node, String key, String path) {
        JsonNode n = node.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new ScenarioFormatException(path + "." + key,
                    "`" + path + "." + key + "` must be a non-negative integer (milliseconds).");
        }
        return Duration.ofMillis(n.asLong());
    }

    /** The JSON form of this scenario (all keys). */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("queue_ms", queueTime.toMillis());
        node.put("run_ms", runTime.toMillis());
        ArrayNode array = node.putArray("interactions");
        interactions.forEach(i -> array.add(i.toJson()));
        if (reviewTime == null) {
            node.putNull("review_ms");
        } else {
            node.put("review_ms", reviewTime.toMillis());
        }
        node.put("outcome", outcome.wire());
        ObjectNode e = node.putObject("error").put("type", error.type()).put("code", error.code()).put("message",
                error.message());
        if (error.field() != null) {
            e.put("field", error.field());
        }
        if (customOutput) {
            node.set("output", output == null ? null : output.deepCopy());
        }
        node.put("max_attempts", maxAttempts);
        node.put("interaction_timeout_ms", interactionTimeout.toMillis());
        node.put("reprompt_ms", repromptDelay.toMillis());
        node.put("cancel_ms", cancelDelay.toMillis());
        ArrayNode fileArray = node.putArray("files");
        files.forEach(f -> fileArray.add(f.toJson()));
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario && toJson().equals(((Scenario) o).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "Scenario" + toJson();
    }
}
