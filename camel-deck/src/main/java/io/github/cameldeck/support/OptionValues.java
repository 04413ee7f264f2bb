package io.github.cameldeck.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads option values as the deck endpoint's options are written: comma-separated lists, blanks as unset.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The trimmed, non-empty, distinct items of a comma-separated value; empty for null or blank. */
    public static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /** {@link #splitList(String)} of the lower-cased value. */
    public static List<String> splitLowerCaseList(String value) {
        return splitList(value == null ? null : value.toLowerCase(Locale.ROOT));
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An option holding an ISO 8601 instant; null when not set.
     *
     * @throws IllegalArgumentException naming the option when the value is not an instant
     */
    public static Instant instant(String option, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + option + " option must be an ISO 8601 instant such as "
                    + "2026-03-10T00:00:00Z, not '" + text + "'");
        }
    }
}
