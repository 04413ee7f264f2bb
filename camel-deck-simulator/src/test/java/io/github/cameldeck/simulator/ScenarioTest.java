package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    @Test
    void defaults() {
        Scenario s = Scenario.defaults();
        assertThat(s.queueTime()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.runTime()).isEqualTo(Duration.ofMillis(1000));
        assertThat(s.outcome()).isEqualTo(Scenario.Outcome.COMPLETED);
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.interactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.reviewTime()).isNull();
        assertThat(s.hasCustomOutput()).isFalse();
        assertThat(s.error()).isEqualTo(DeckError.sourceError());
    }

    @Test
    void interactionDefaultsPerType() {
        assertThat(Interaction.mfa().fields()).extracting(Interaction.Field::name).containsExactly("code");
        assertThat(Interaction.mfa().expect()).isEqualTo(Map.of("code", "123456"));
        assertThat(Interaction.securityQuestion().expect()).isEqualTo(Map.of("answer", "fluffy"));
        assertThat(Interaction.accountSelection().expect()).isEqualTo(Map.of("account_id", "acc_1"));
        Interaction custom = Interaction.fromJson(Json.parse("{\"type\":\"captcha\"}"), "x");
        assertThat(custom.fields()).extracting(Interaction.Field::name).containsExactly("value");
        assertThat(custom.accepts(Json.parse("{\"value\":\"anything\"}"))).isTrue();
        assertThat(Interaction.mfa().accepts(Json.parse("{\"code\":123456}"))).isTrue();
        assertThat(Interaction.mfa().accepts(Json.parse("{\"code\":\"654321\"}"))).isFalse();
        assertThat(Interaction.mfa().firstMissingField(Json.parse("{\"other\":1}"))).isEqualTo("code");
    }

    @Test
    void jsonFormRoundTrips() {
        Scenario s = Scenario.completesAfter(Duration.ofSeconds(3)).withQueueTime(Duration.ZERO)
                .withInteraction(Interaction.mfa("111")).withInteraction(Interaction.securityQuestion())
                .withReview(Duration.ofSeconds(9)).withOutput(Map.of("a", List.of(1, 2))).withMaxAttempts(5);
        JsonNode json = s.toJson();
        assertThat(Scenario.fromJson(json)).isEqualTo(s);
        assertThat(json.get("interactions").get(0).get("expect").get("code").asText()).isEqualTo("111");
        assertThat(s.segmentTime()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void partialOverrideKeepsOtherFields() {
        Scenario base = Scenario.completesAfter(Duration.ofSeconds(30)).withInteraction(Interaction.mfa());
        Scenario over = base.overriddenBy(Json.parse("{\"outcome\":\"failed\",\"error\":{\"code\":\"x\"}}"), "p");
        assertThat(over.runTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(over.interactions()).hasSize(1);
        assertThat(over.outcome()).isEqualTo(Scenario.Outcome.FAILED);
        assertThat(over.error()).isEqualTo(new DeckError("source", "x", "The source website returned an error."));
        assertThat(Scenario.fromJson(Json.parse("{\"interactions\":[\"mfa\"]}")).interactions())
                .containsExactly(Interaction.mfa());
    }

    @Test
    void invalidJsonNamesTheField() {
        assertThatThrownBy(() -> Scenario.defaults().overriddenBy(Json.parse("{\"queue_ms\":\"soon\"}"), "simulation"))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("simulation.queue_ms"));
        assertThatThrownBy(() -> Scenario.fromJson(Json.parse("{\"typo\":1}")))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("scenario.typo"));
        assertThatThrownBy(() -> Scenario.fromJson(Json.parse("{\"interactions\":[{\"message\":\"m\"}]}")))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("scenario.interactions[0].type"));
        assertThatThrownBy(() -> Scenario.fromJson(Json.parse("{\"max_attempts\":0}")))
                .isInstanceOf(ScenarioFormatException.class);
    }

    @Test
    void filesAreInTheJsonForm() {
        Scenario s = Scenario.defaults().withFiles(StorageFile.pdf("s.pdf", 120_000), StorageFile.csv("t.csv", 4_000),
                StorageFile.png("big.png", 1_073_741_824L));
        assertThat(Scenario.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.toJson().get("files").get(1).get("file_type").asText()).isEqualTo("text/csv");
        assertThat(s.files()).extracting(StorageFile::fileSize).containsExactly(120_000L, 4_000L, 1_073_741_824L);
        assertThat(Scenario.defaults().files()).isEmpty();
        assertThatThrownBy(() -> Scenario.fromJson(Json.parse(
                "{\"files\":[{\"file_name\":\"a.pdf\",\"file_type\":\"application/pdf\",\"file_size\":10}]}")))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("scenario.files[0].file_size"));
        assertThatThrownBy(() -> Scenario.fromJson(Json.parse("{\"files\":[{\"file_name\":\"a.pdf\"}]}")))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("scenario.files[0].file_type"));
        assertThatThrownBy(() -> StorageFile.png("r.png", 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
