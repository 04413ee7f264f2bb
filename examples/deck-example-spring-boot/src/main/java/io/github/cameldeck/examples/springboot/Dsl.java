package io.github.cameldeck.examples.springboot;

import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The two ways the demo's routes are written; each is the same flow. The Java DSL is the default, the Spring profile
 * {@code yaml} switches to the YAML file.
 */
public enum Dsl {

    /** {@link DeckDemoRoutes}, a RouteBuilder bean. */
    JAVA("DeckDemoRoutes.java"),
    /** {@code src/main/resources/routes/deck-demo.camel.yaml}, loaded by camel-yaml-dsl (application-yaml.yml). */
    YAML("routes/deck-demo.camel.yaml");

    /** The Spring profile that loads the routes from YAML instead of the RouteBuilder bean. */
    public static final String YAML_PROFILE = "yaml";

    private final String source;

    Dsl(String source) {
        this.source = source;
    }

    /** Where the routes are written, for the user. */
    public String source() {
        return source;
    }

    /** The DSL the active profiles choose. */
    public static Dsl of(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(YAML_PROFILE)) ? YAML : JAVA;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
