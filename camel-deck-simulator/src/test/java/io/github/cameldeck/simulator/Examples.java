package io.github.cameldeck.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The example payloads in /work/shared/deck-api/examples (tests using them are skipped if absent). */
final class Examples {

    static final Path DIR = Path.of("../../shared/deck-api/examples");

    private Examples() {
    }

    static JsonNode load(String name) {
        Path file = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(file), "example file not available: " + file.toAbsolutePath());
        try {
            return TestClient.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
