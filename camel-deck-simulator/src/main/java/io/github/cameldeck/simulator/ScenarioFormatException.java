package io.github.cameldeck.simulator;

/** A scenario given as JSON is malformed; {@link #field()} names the offending field (dotted path). */
public final class ScenarioFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ScenarioFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
