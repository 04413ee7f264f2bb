package io.github.cameldeck;

import java.io.IOException;
import java.io.InputStream;
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
 * jar (the second compile pass), and deck.json describes every option.
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
                if (entry.getName().startsWith("META-INF/services/org/apache/camel/") && !entry.isDirectory()) {
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
            props.load(new java.io.StringReader(text));
            String className = props.getProperty("class");
            assertThat(className).as(entry.getName() + " has a class").isNotBlank();
            names.add(className);
        }
        return names;
    }

}
