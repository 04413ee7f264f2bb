package io.github.cameldeck.builder;

import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.builder.DeckEndpointBuilderFactory.DeckBuilders;
import io.github.cameldeck.builder.DeckEndpointBuilderFactory.DeckEndpointBuilder;
import io.github.cameldeck.builder.DeckEndpointBuilderFactory.DeckHeaderNameBuilder;

/**
 * The entry point of Deck's endpoint DSL: {@code deck("runTask")} is a typed builder of a {@code deck:} endpoint, for
 * routes written with Camel's {@code EndpointRouteBuilder}, whose own factory methods only know Camel's components.
 *
 * <pre>{@code
 * import static io.github.cameldeck.builder.DeckEndpoints.deck;
 *
 * from(deck("taskRuns").status("completed")).to(log("runs"));
 * from(direct("statements")).to(deck("runTask").taskId("task_1").waitForCompletion(true));
 * }</pre>
 * <p>
 * A route builder can instead implement {@link DeckBuilders}, which gives it the same methods as instance methods,
 * the way {@code EndpointRouteBuilder} gives Camel's. The builders ({@link DeckEndpointBuilderFactory}) are generated
 * from the component's metadata by the build, so they offer every option the URI does, with the same names and types;
 * they need {@code org.apache.camel:camel-endpointdsl}, which camel-deck does not bring.
 */
public final class DeckEndpoints {

    private static final DeckBuilders BUILDERS = new DeckBuilders() {
    };

    private DeckEndpoints() {
    }

    /**
     * A {@code deck:} endpoint.
     *
     * @param  operation a producer operation ({@code runTask}, {@code getTaskRun}, ...) or a consumer
     *                   ({@code taskRuns}, {@code storageItems}, {@code events}); a property placeholder works too
     * @return           the builder, where each option is a method
     */
    public static DeckEndpointBuilder deck(String operation) {
        return BUILDERS.deck(operation);
    }

    /** A {@code deck:} endpoint for {@code operation}, as {@link #deck(String)}. */
    public static DeckEndpointBuilder deck(DeckOperation operation) {
        return BUILDERS.deck(operation.name());
    }

    /**
     * An endpoint of a deck component registered under another name (a second organization, say, with its own key).
     *
     * @param componentName the name the component is registered under
     * @param operation     as in {@link #deck(String)}
     */
    public static DeckEndpointBuilder deck(String componentName, String operation) {
        return BUILDERS.deck(componentName, operation);
    }

    /** The names of the component's headers: {@code deck().deckRunId()} is {@code CamelDeckRunId}. */
    public static DeckHeaderNameBuilder deck() {
        return BUILDERS.deck();
    }
}
