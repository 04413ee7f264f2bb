package io.github.cameldeck.examples.main;

import java.util.Locale;

/**
 * The three ways the demo's routes are written; each is the same flow.
 */
public enum Dsl {

    /** {@link DeckDemoRoutes}, a RouteBuilder. */
    JAVA("DeckDemoRoutes.java", null),
    /** {@code src/main/resources/routes/deck-demo.camel.yaml}. */
    YAML("routes/deck-demo.camel.yaml", "classpath:routes/deck-demo.camel.yaml"),
    /** {@code src/main/resources/routes/deck-demo.camel.xml}, read by camel-xml-io-dsl. */
    XML("routes/deck-demo.camel.xml", "classpath:routes/deck-demo.camel.xml");

    private final String source;
    private final String includePattern;

    Dsl(String source, String includePattern) {
        this.source = source;
        this.includePattern = includePattern;
    }

    /** Where the routes are written, for the user. */
    public String source() {
        return source;
    }

    /** The {@code camel.main.routes-include-pattern} that loads the route file; null for Java. */
    public String includePattern() {
        return includePattern;
    }

    /** Reads {@code java}, {@code yaml} or {@code xml}, in any case. */
    public static Dsl of(String value) {
        for (Dsl dsl : values()) {
            if (dsl.name().equalsIgnoreCase(value.trim())) {
                return dsl;
            }
        }
        throw new IllegalArgumentException("Unknown DSL '" + value + "': use java, yaml or xml");
    }

    /** {@code --dsl X} (or {@code --dsl=X}) among the arguments, else the default. */
    public static Dsl select(String[] args, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dsl") && i + 1 < args.length) {
                return of(args[i + 1]);
            }
            if (args[i].startsWith("--dsl=")) {
                return of(args[i].substring("--dsl=".length()));
            }
        }
        return fallback == null || fallback.isBlank() ? JAVA : of(fallback);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
