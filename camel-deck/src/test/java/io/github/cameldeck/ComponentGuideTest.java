package io.github.cameldeck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The user guide names every option and header of the generated metadata, so nothing is undocumented. */
class ComponentGuideTest {

    /** Options every Camel component or polling consumer has, documented by Camel. */
    private static final Set<String> CAMEL_OWN = Set.of("bridgeErrorHandler", "lazyStartProducer", "autowiredEnabled",
            "exceptionHandler", "exchangePattern", "pollStrategy", "healthCheckConsumerEnabled",
            "healthCheckProducerEnabled",
            "scheduledExecutorService", "schedulerProperties", "startScheduler", "operation");

    @Test
    void theGuideNamesEveryOptionAndHeader() throws IOException {
        String guide = Files.readString(Path.of("src/main/docs/deck-component.adoc"));
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/cameldeck/deck.json")) {
            json = new ObjectMapper().readTree(in);
        }
        for (String section : new String[]{"componentProperties", "properties", "headers"}) {
            for (Iterator<String> names = json.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!CAMEL_OWN.contains(name)) {
                    assertThat(guide).as(section + " " + name + " in deck-component.adoc").contains("`" + name + "`");
                }
            }
        }
    }

    @Test
    void theGuideDescribesEveryOperation() throws IOException {
        String guide = Files.readString(Path.of("src/main/docs/deck-component.adoc"));
        for (DeckOperation operation : DeckOperation.values()) {
            assertThat(guide).as(operation + " in deck-component.adoc").contains("`" + operation.name() + "`");
        }
    }
}
