package io.github.cameldeck.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets of the jar against the rules of the Apache Camel Kamelet catalog ({@link KameletRules}), against the
 * component they configure (every property is a deck option of the same name, type and default; the secret options
 * are passwords), and beside their Pipe examples in the guide. Static checks only: {@code KameletsCamelMainTest} runs
 * them.
 */
class KameletCatalogRulesTest {

    static final String PROVIDER = "camel-deck";
    static final Path PIPES = Path.of("src/main/docs/pipes");

    private static List<KameletFile> kamelets;
    private static JsonNode deckOptions;
    private static String version;

    @BeforeAll
    static void load() throws IOException {
        kamelets = KameletFile.all();
        try (InputStream in = KameletCatalogRulesTest.class
                .getResourceAsStream("/META-INF/io/github/cameldeck/deck.json")) {
            deckOptions = new ObjectMapper().readTree(in).get("properties");
        }
        Properties component = new Properties();
        try (InputStream in = KameletCatalogRulesTest.class
                .getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            component.load(in);
        }
        version = component.getProperty("version");
    }

    @Test
    void theJarHasTheKameletsOfTheIssue() {
        assertThat(kamelets).extracting(KameletFile::fileName).containsExactly(
                "deck-event-source.kamelet.yaml", "deck-run-task-action.kamelet.yaml",
                "deck-run-task-sink.kamelet.yaml",
                "deck-storage-source.kamelet.yaml", "deck-submit-interaction-action.kamelet.yaml",
                "deck-task-run-source.kamelet.yaml");
    }

    @Test
    void everyKameletFollowsTheCatalogsRules() {
        assertThat(new KameletRules(PROVIDER).check(kamelets)).isEmpty();
    }

    /** The checks find what they are for: a Kamelet that breaks each rule once. */
    @Test
    void theRulesFindWhatTheCatalogRefuses() {
        KameletFile broken = KameletFile.parse("deck-broken-source.kamelet.yaml", """
                apiVersion: camel.apache.org/v1alpha1
                kind: Kamelet
                metadata:
                  name: deck-broken-sink
                  annotations:
                    camel.apache.org/kamelet.icon: "https://example.com/icon.svg"
                    camel.apache.org/provider: "Someone"
                  labels:
                    camel.apache.org/kamelet.type: "source"
                spec:
                  definition:
                    title: "Broken"
                    required:
                      - apiKey
                      - apiKey
                      - token
                    properties:
                      apiKey:
                        title: The key
                        type: string
                        format: password
                        x-descriptors:
                          - urn:alm:descriptor:com.tectonic.ui:password
                          - urn:alm:descriptor:com.tectonic.ui:password
                      id:
                        title: Id
                        description: Reserved.
                        type: text
                      unused:
                        title: Unused
                        description: Never used.
                        type: string
                  dependencies:
                    - "mvn:io.github.cameldeck:camel-deck"
                    - "github:someone/library"
                  template:
                    from:
                      uri: "deck:taskRuns?apiKey={{apiKey}}&taskId={{?taskId}}&id={{id}}"
                      steps:
                        - to: "log:out"
                """);
        List<String> problems = new KameletRules(PROVIDER).check(broken);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("apiVersion is not camel.apache.org/v1"))
                .anySatisfy(p -> assertThat(p).contains("the file name is not deck-broken-sink.kamelet.yaml"))
                .anySatisfy(p -> assertThat(p).contains("does not end with -source"))
                .anySatisfy(p -> assertThat(p).contains("not an embedded data:image/svg+xml;base64 URL"))
                .anySatisfy(p -> assertThat(p).contains("no camel.apache.org/catalog.version annotation"))
                .anySatisfy(p -> assertThat(p).contains("provider annotation is Someone, not camel-deck"))
                .anySatisfy(p -> assertThat(p).contains("no camel.apache.org/kamelet.group annotation"))
                .anySatisfy(p -> assertThat(p).contains("support.level annotation is null"))
                .anySatisfy(p -> assertThat(p).contains("the title Broken does not end with the type"))
                .anySatisfy(p -> assertThat(p).contains("no description"))
                .anySatisfy(p -> assertThat(p).contains("the definition's type is not object"))
                .anySatisfy(p -> assertThat(p).contains("required property apiKey is listed twice"))
                .anySatisfy(p -> assertThat(p).contains("required property token is not defined"))
                .anySatisfy(p -> assertThat(p).contains("property id uses the reserved name id"))
                .anySatisfy(p -> assertThat(p).contains("property id has no JSON schema type (text)"))
                .anySatisfy(p -> assertThat(p).contains("not capitalized in its title: key"))
                .anySatisfy(p -> assertThat(p).contains("has a title that starts with an article: The key"))
                .anySatisfy(p -> assertThat(p).contains("property apiKey has no description"))
                .anySatisfy(p -> assertThat(p).contains("misses the x-descriptor urn:camel:group:credentials"))
                .anySatisfy(p -> assertThat(p).contains("uses the deprecated x-descriptor"))
                .anySatisfy(p -> assertThat(p)
                        .contains("lists the x-descriptor urn:alm:descriptor:com.tectonic.ui:password twice"))
                .anySatisfy(p -> assertThat(p).contains("the template uses taskId, which is not defined"))
                .anySatisfy(p -> assertThat(p).contains("property unused is defined but the template never uses it"))
                .anySatisfy(p -> assertThat(p).contains("a source must route to kamelet:sink"))
                .anySatisfy(p -> assertThat(p).contains("is not mvn:group:artifact:version"))
                .anySatisfy(p -> assertThat(p).contains("github:someone/library is not camel:"));

        KameletFile twin = KameletFile.parse("deck-twin-source.kamelet.yaml",
                kamelets.get(0).text().replace("name: deck-event-source", "name: deck-twin-source")
                        .replace("catalog.version: \"" + version + "\"", "catalog.version: \"0.0.1\""));
        assertThat(new KameletRules(PROVIDER).check(List.of(kamelets.get(0), twin)))
                .anySatisfy(p -> assertThat(p).contains("is the title of deck-event-source.kamelet.yaml too"))
                .anySatisfy(p -> assertThat(p).contains("is the description of deck-event-source.kamelet.yaml too"))
                .anySatisfy(p -> assertThat(p).contains("the catalog versions differ"));
    }

    @Test
    void theKameletsCarryTheProjectsVersionAndDependOnThisJar() {
        assertThat(version).isNotBlank();
        for (KameletFile k : kamelets) {
            assertThat(k.text()).as(k.fileName()).doesNotContain("@project.version@");
            assertThat(k.annotation("camel.apache.org/catalog.version")).as(k.fileName()).isEqualTo(version);
            assertThat(k.dependencies()).as(k.fileName())
                    .contains("camel:kamelet", "mvn:io.github.cameldeck:camel-deck:" + version);
            // README "Testing": a Kamelet whose behaviour is tested is labeled verified (KameletsCamelMainTest)
            assertThat(k.label("camel.apache.org/kamelet.verified")).as(k.fileName()).isEqualTo("true");
        }
    }

    /** Each property is the deck option of that name: same type, same default, values among its values. */
    @Test
    void everyPropertyIsAnOptionOfTheComponent() {
        List<String> problems = new ArrayList<>();
        for (KameletFile k : kamelets) {
            k.properties().forEach((name, property) -> {
                JsonNode option = deckOptions.get(name);
                String where = k.fileName() + ": " + name;
                if (option == null) {
                    problems.add(where + " is not an option of deck endpoints");
                    return;
                }
                String type = switch (option.get("type").asText()) {
                    case "boolean" -> "boolean";
                    case "integer" -> "integer";
                    default -> "string";
                };
                if (!type.equals(property.get("type"))) {
                    problems.add(where + " is a " + property.get("type") + ", the option a " + type);
                }
                if (property.containsKey("default") && option.has("defaultValue")
                        && !option.get("defaultValue").asText().equals(String.valueOf(property.get("default")))) {
                    problems.add(where + " defaults to " + property.get("default") + ", the option to "
                            + option.get("defaultValue").asText());
                }
                for (String value : KameletFile.strings(property.get("enum"))) {
                    if (!option.has("enum") || !option.get("enum").toString().contains("\"" + value + "\"")) {
                        problems.add(where + " lists " + value + ", which the option does not take");
                    }
                }
                boolean password = "password".equals(property.get("format"));
                if (option.path("secret").asBoolean() != password) {
                    problems.add(where + (password
                            ? " is a password but not a secret option"
                            : " is a secret option but not format: password"));
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A secret reaches the deck endpoint whole, whatever its characters: the template wraps it in RAW(), so '&amp;',
     * '%' and '+' in a key are not read as URI syntax.
     */
    @Test
    void theSecretsReachTheEndpointInRaw() {
        for (KameletFile k : kamelets) {
            String template = String.valueOf(k.template());
            k.properties().forEach((name, property) -> {
                if ("password".equals(property.get("format"))) {
                    assertThat(template).as(k.fileName() + " passes " + name + " in RAW()")
                            .contains(name + "=RAW({{" + name + "}})")
                            .doesNotContain("{{" + name + "}}&").doesNotContain("={{" + name + "}}");
                }
            });
        }
    }

    /**
     * Each Kamelet has its Pipe in the guide's folder ({@code <name>-pipe.yaml}, as the catalog keeps them in
     * templates/pipes), which names only its properties, gives the required ones, and takes secrets from placeholders
     * in RAW().
     */
    @Test
    void everyKameletHasAPipeExample() throws IOException {
        for (KameletFile k : kamelets) {
            Path file = PIPES.resolve(k.name() + "-pipe.yaml");
            assertThat(file).as("the Pipe of " + k.name()).exists();
            Map<String, Object> pipe = KameletFile.yaml(Files.readString(file));
            assertThat(pipe).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Pipe");
            Map<String, Object> use = use(pipe, k);
            assertThat(use).as(file + " uses " + k.name() + " as its " + k.type()).isNotEmpty();
            Map<String, Object> properties = KameletFile.map(use.get("properties"));
            assertThat(k.properties()).as(file + "'s properties").containsKeys(
                    properties.keySet().toArray(String[]::new));
            assertThat(properties).as(file + " gives the required properties")
                    .containsKeys(k.required().toArray(String[]::new));
            k.properties().forEach((name, property) -> {
                if ("password".equals(property.get("format"))) {
                    assertThat(String.valueOf(properties.get(name))).as(file + ": " + name)
                            .matches("RAW\\(\\{\\{.+}}\\)");
                }
            });
        }
    }

    /** The README and the guide show Pipes and the YAML route exactly as the tests run them (less the comment line). */
    @Test
    void theGuideAndTheReadmeShowThePipesAsTested() throws IOException {
        String guide = Files.readString(Path.of("src/main/docs/deck-component.adoc"));
        String readme = Files.readString(Path.of("../README.md"));
        String taskRunPipe = withoutComment(PIPES.resolve("deck-task-run-source-pipe.yaml"));
        assertThat(readme).contains(taskRunPipe);
        assertThat(guide).contains(taskRunPipe)
                .contains(withoutComment(PIPES.resolve("deck-submit-interaction-action-pipe.yaml")))
                .contains(Files.readString(Path.of("src/test/resources/kamelet-routes/deck-kamelets.camel.yaml"))
                        .strip());
        for (KameletFile k : kamelets) {
            assertThat(guide).as("the guide lists " + k.name()).contains("`" + k.name() + "` (" + k.type() + ")::");
            assertThat(readme).as("the README lists " + k.name()).contains("`" + k.name() + "`");
            for (String property : k.properties().keySet()) {
                assertThat(guide).as("the guide names " + k.name() + "'s " + property).contains("`" + property + "`");
            }
        }
    }

    private static String withoutComment(Path pipe) throws IOException {
        String text = Files.readString(pipe);
        return (text.startsWith("#") ? text.substring(text.indexOf('\n') + 1) : text).strip();
    }

    /** Where the Pipe uses the Kamelet: its source, its sink or one of its steps, by the Kamelet's type. */
    private static Map<String, Object> use(Map<String, Object> pipe, KameletFile k) {
        Map<String, Object> spec = KameletFile.map(pipe.get("spec"));
        List<Object> candidates = switch (k.type()) {
            case "source" -> List.of(spec.getOrDefault("source", Map.of()));
            case "sink" -> List.of(spec.getOrDefault("sink", Map.of()));
            default -> spec.get("steps") instanceof List<?> steps ? new ArrayList<>(steps) : List.of();
        };
        for (Object candidate : candidates) {
            Map<String, Object> ref = KameletFile.map(KameletFile.map(candidate).get("ref"));
            if ("Kamelet".equals(ref.get("kind")) && k.name().equals(ref.get("name"))) {
                return KameletFile.map(candidate);
            }
        }
        return Map.of();
    }
}
