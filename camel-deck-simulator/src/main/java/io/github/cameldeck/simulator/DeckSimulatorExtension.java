package io.github.cameldeck.simulator;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link DeckSimulator}. On a static field
 * ({@code @RegisterExtension static DeckSimulatorExtension deck = DeckSimulatorExtension.create();}) one simulator
 * serves the whole class; on an instance field each test gets a fresh one. Nothing is reset between tests unless the
 * test calls {@code simulator().reset()}. Test and lifecycle methods may declare a {@link DeckSimulator} parameter.
 */
public final class DeckSimulatorExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            ParameterResolver {

    private final Consumer<DeckSimulator.Builder> customizer;
    private DeckSimulator simulator;
    private boolean perClass;
    private Class<?> ownerClass;

    private DeckSimulatorExtension(Consumer<DeckSimulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** A simulator with the defaults (free port, default key, system clock, Deck's rate limit). */
    public static DeckSimulatorExtension create() {
        return new DeckSimulatorExtension(b -> {
        });
    }

    /** A simulator configured by {@code customizer}, e.g. {@code b -> b.rateLimit(0, Duration.ZERO)}. */
    public static DeckSimulatorExtension create(Consumer<DeckSimulator.Builder> customizer) {
        return new DeckSimulatorExtension(customizer);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (ownerClass == null) {
            ownerClass = context.getRequiredTestClass();
        }
        perClass = true;
        ensureStarted();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        // @Nested classes inherit the extension: only the class that registered it stops the simulator
        if (context.getRequiredTestClass() == ownerClass) {
            stopSimulator();
            ownerClass = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ensureStarted();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopSimulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DeckSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    /** The running simulator (started on first use if needed). */
    public synchronized DeckSimulator simulator() {
        ensureStarted();
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public String apiKey() {
        return simulator().apiKey();
    }

    private synchronized void ensureStarted() {
        if (simulator == null) {
            DeckSimulator.Builder builder = DeckSimulator.builder();
            customizer.accept(builder);
            simulator = builder.build().start();
        }
    }

    private synchronized void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
