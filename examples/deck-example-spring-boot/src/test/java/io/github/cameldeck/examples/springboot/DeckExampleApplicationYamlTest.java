package io.github.cameldeck.examples.springboot;

import org.springframework.test.context.ActiveProfiles;

/** The same flow with the routes of {@code routes/deck-demo.camel.yaml} (the profile {@code yaml}). */
@ActiveProfiles(Dsl.YAML_PROFILE)
class DeckExampleApplicationYamlTest extends DeckExampleApplicationTest {

    @Override
    Dsl expectedDsl() {
        return Dsl.YAML;
    }
}
