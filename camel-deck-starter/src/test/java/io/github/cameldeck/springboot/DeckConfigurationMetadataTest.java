package io.github.cameldeck.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata that spring-boot-configuration-processor generates lists every component option of deck.json,
 * with its description and default.
 */
class DeckConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.deck.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode componentOptions;
    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void read() throws IOException {
        componentOptions = readResource(DeckSecretsSanitizingFunction.COMPONENT_METADATA).path("componentProperties");
        metadata = new HashMap<>();
        for (URL url : Collections.list(DeckConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JSON.readTree(in).path("properties").forEach(property -> {
                    String name = property.path("name").asText();
                    if (name.startsWith(PREFIX)) {
                        metadata.put(name, property);
                    }
                });
            }
        }
    }

    private static JsonNode readResource(String name) throws IOException {
        try (InputStream in = DeckConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @Test
    void listsEveryComponentOptionWithItsDescription() {
        assertThat(componentOptions.size()).isGreaterThan(30);
        List<String> missing = new ArrayList<>();
        componentOptions.properties().forEach(option -> {
            JsonNode property = metadata.get(PREFIX + kebab(option.getKey()));
            if (property == null) {
                missing.add(option.getKey());
                return;
            }
            assertThat(oneLine(property.path("description").asText()))
                    .as(option.getKey())
                    .startsWith(oneLine(option.getValue().path("description").asText()));
        });
        assertThat(missing).as("options without metadata").isEmpty();
    }

    @Test
    void givesTheDefaultOfEveryOptionThatHasOne() {
        componentOptions.properties().forEach(option -> {
            JsonNode expected = option.getValue().get("defaultValue");
            if (expected != null) {
                JsonNode property = metadata.get(PREFIX + kebab(option.getKey()));
                assertThat(property).as(option.getKey()).isNotNull();
                assertThat(property.path("defaultValue").asText()).as(option.getKey()).isEqualTo(expected.asText());
            }
        });
    }

    @Test
    void documentsTheEnabledSwitch() {
        assertThat(metadata.get(PREFIX + "enabled").path("description").asText())
                .contains("auto configuration of the deck component");
    }

    @Test
    void bindsEveryBeanTypedOptionByReference() {
        componentOptions.properties().forEach(option -> {
            if ("object".equals(option.getValue().path("type").asText())) {
                String javaType = option.getValue().path("javaType").asText();
                assertThat(DeckComponentConverter.BEAN_TYPES).extracting(Class::getName).as(option.getKey())
                        .contains(javaType);
                assertThat(metadata.get(PREFIX + kebab(option.getKey())).path("type").asText())
                        .isEqualTo(javaType);
            }
        });
    }
}
