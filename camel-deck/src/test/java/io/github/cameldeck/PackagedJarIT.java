package io.github.cameldeck;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the packaged jar, as users get it: every service file Camel reads points at a class that was compiled into the
 * jar (the second compile pass), deck.json describes every option, tooling finds the component through
 * component.properties, the endpoint DSL's builders, the span decorator's service file and the Kamelets are in it.
 */
class PackagedJarIT {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("deck.jar", "target/camel-deck.jar"));
        assertThat(jar).as("the packaged jar").exists();
    }

    @Test
    void everyServiceFilePointsAtACompiledClass() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> services = new ArrayList<>();
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith("META-INF/services/org/apache/camel/") && !entry.isDirectory()
                        && !entry.getName().endsWith("/component.properties")
                        && !entry.getName().endsWith("/dev-consoles.properties")) {
                    services.add(entry.getName());
                    for (String className : classNames(file, entry)) {
                        assertThat(file.getEntry(className.replace('.', '/') + ".class"))
                                .as(entry.getName() + " names " + className)
                                .isNotNull();
                    }
                }
            }
            assertThat(services).contains(
                    "META-INF/services/org/apache/camel/component/deck",
                    "META-INF/services/org/apache/camel/configurer/deck-component",
                    "META-INF/services/org/apache/camel/configurer/deck-endpoint",
                    "META-INF/services/org/apache/camel/urifactory/deck-endpoint",
                    "META-INF/services/org/apache/camel/dev-console/deck",
                    "META-INF/services/org/apache/camel/TypeConverterLoader");
        }
    }

    @Test
    void deckJsonDescribesEveryOption() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("META-INF/io/github/cameldeck/deck.json");
            assertThat(entry).as("deck.json in the jar").isNotNull();
            JsonNode json;
            try (InputStream in = file.getInputStream(entry)) {
                json = new ObjectMapper().readTree(in);
            }
            assertThat(json.at("/component/scheme").asText()).isEqualTo("deck");
            assertThat(json.at("/component/groupId").asText()).isEqualTo("io.github.cameldeck");
            assertThat(json.at("/properties/operation/required").asBoolean()).isTrue();
            assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
            assertThat(json.at("/headers/CamelDeckRunStatus").isObject()).isTrue();
            for (String section : List.of("componentProperties", "properties", "headers")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> option = it.next();
                    assertThat(option.getValue().path("description").asText())
                            .as(section + "." + option.getKey() + " has a description")
                            .isNotBlank();
                }
            }
        }
    }

    /**
     * The way the IntelliJ Camel plugin finds a third-party component in a library: the schemes in component.properties,
     * each scheme's class in its service file, and the json beside that class ({@code <package>/<scheme>.json}); Camel
     * itself reads the json under META-INF.
     */
    @Test
    void toolingFindsTheComponentThroughComponentProperties() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Properties component = properties(file, "META-INF/services/org/apache/camel/component.properties");
            assertThat(component.getProperty("components")).isEqualTo("deck");
            assertThat(component.getProperty("groupId")).isEqualTo("io.github.cameldeck");
            assertThat(component.getProperty("artifactId")).isEqualTo("camel-deck");
            assertThat(component.getProperty("version")).isEqualTo(System.getProperty("deck.version"));
            assertThat(component.getProperty("projectName")).isNotBlank();
            assertThat(component.getProperty("projectDescription")).isNotBlank();

            String className = properties(file, "META-INF/services/org/apache/camel/component/deck")
                    .getProperty("class");
            assertThat(className).isEqualTo(DeckComponent.class.getName());
            String besideTheClass = className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/deck.json";
            assertThat(text(file, besideTheClass)).isEqualTo(text(file, "META-INF/io/github/cameldeck/deck.json"));
        }
    }

    @Test
    void theEndpointDslIsInTheJar() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String type : List.of("DeckEndpoints", "DeckEndpointBuilderFactory",
                    "DeckEndpointBuilderFactory$DeckEndpointBuilder", "DeckEndpointBuilderFactory$DeckBuilders",
                    "DeckEndpointBuilderFactory$DeckHeaderNameBuilder")) {
                assertThat(file.getEntry("io/github/cameldeck/builder/" + type + ".class")).as(type).isNotNull();
            }
            assertThat(file.stream().map(JarEntry::getName))
                    .as("the generator's aggregates of all components stay out of the jar")
                    .noneMatch(name -> name.contains("/aggregate/") || name.contains("StaticEndpointBuilders"));
        }
    }

    /** camel-telemetry finds the span decorator through the JDK's ServiceLoader: the file names a class in the jar. */
    @Test
    void theSpanDecoratorIsAServiceOfCamelTelemetry() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String service = text(file, "META-INF/services/org.apache.camel.telemetry.SpanDecorator").trim();
            assertThat(service).isEqualTo("io.github.cameldeck.tracing.DeckSpanDecorator");
            assertThat(file.getEntry("io/github/cameldeck/tracing/DeckSpanDecorator.class")).isNotNull();
        }
    }

    /**
     * The Kamelets, where camel-kamelet looks for them on the classpath ({@code kamelets/<name>.kamelet.yaml}), with the
     * version the build wrote into them.
     */
    @Test
    void theKameletsAreInTheJar() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(JarEntry::getName).filter(n -> n.startsWith("kamelets/") && !n.endsWith("/")))
                    .containsExactlyInAnyOrder("kamelets/deck-task-run-source.kamelet.yaml",
                            "kamelets/deck-event-source.kamelet.yaml", "kamelets/deck-storage-source.kamelet.yaml",
                            "kamelets/deck-run-task-sink.kamelet.yaml", "kamelets/deck-run-task-action.kamelet.yaml",
                            "kamelets/deck-submit-interaction-action.kamelet.yaml");
            String version = System.getProperty("deck.version");
            for (JarEntry entry : file.stream().filter(e -> e.getName().endsWith(".kamelet.yaml")).toList()) {
                String kamelet = text(file, entry.getName());
                String name = entry.getName().substring("kamelets/".length(), entry.getName().indexOf(".kamelet.yaml"));
                assertThat(kamelet).as(entry.getName())
                        .contains("kind: Kamelet", "  name: " + name + "\n",
                                "camel.apache.org/catalog.version: \"" + version + "\"",
                                "mvn:io.github.cameldeck:camel-deck:" + version)
                        .doesNotContain("@project.version@");
            }
        }
    }

    private static Properties properties(JarFile file, String name) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(text(file, name)));
        return props;
    }

    private static String text(JarFile file, String name) throws IOException {
        JarEntry entry = file.getJarEntry(name);
        assertThat(entry).as(name + " in the jar").isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> classNames(JarFile file, JarEntry entry) throws IOException {
        String text;
        try (InputStream in = file.getInputStream(entry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>();
        if (entry.getName().endsWith("/TypeConverterLoader")) {
            text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        } else {
            Properties props = new Properties();
            props.load(new StringReader(text));
            String className = props.getProperty("class");
            assertThat(className).as(entry.getName() + " has a class").isNotBlank();
            names.add(className);
        }
        return names;
    }

}
