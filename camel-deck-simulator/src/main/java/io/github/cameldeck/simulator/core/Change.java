package io.github.cameldeck.simulator.core;

/**
 * One field of a partial update ({@code PATCH}): absent (keep the current value) or present with a value, which may be
 * null (an explicit JSON {@code null}: clear it).
 */
public record Change<T>(boolean present, T value) {

    private static final Change<?> ABSENT = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> absent() {
        return (Change<T>) ABSENT;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    /** The new value if present, else {@code current}. */
    public T or(T current) {
        return present ? value : current;
    }
}
