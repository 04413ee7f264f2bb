package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.QueryParams;
import io.github.cameldeck.support.OptionValues;

/**
 * The query filters of a list operation, read from options and checked when the producer is created, so a wrong value
 * stops the route at start with a message that names the option and the valid values.
 */
final class ListFilters {

    private final DeckOperation operation;
    private final QueryParams params = QueryParams.create();

    private ListFilters(DeckOperation operation) {
        this.operation = operation;
    }

    static ListFilters of(DeckOperation operation) {
        return new ListFilters(operation);
    }

    /** A single value as it is. */
    ListFilters add(String name, String value) {
        params.add(name, OptionValues.blankToNull(value));
        return this;
    }

    /** A comma-separated option sent as one parameter per value. */
    ListFilters addEach(String name, String commaSeparated) {
        params.addEach(name, OptionValues.splitList(commaSeparated));
        return this;
    }

    /** A comma-separated option whose values must be among {@code valid}, one parameter per value. */
    ListFilters addEachOf(String name, String option, String commaSeparated, Set<String> valid) {
        List<String> values = OptionValues.splitLowerCaseList(commaSeparated);
        for (String value : values) {
            if (!valid.contains(value)) {
                throw new IllegalArgumentException("The " + option + " option of " + operation + " has an unknown "
                        + "value '" + value + "'; valid values are " + String.join(", ", valid.stream().sorted()
                                .toList()));
            }
        }
        params.addEach(name, values);
        return this;
    }

    /** An option holding at most one of the {@code valid} values (a filter Deck takes once). */
    ListFilters addOneOf(String name, String option, String value, Set<String> valid) {
        List<String> values = OptionValues.splitLowerCaseList(value);
        if (values.size() > 1) {
            throw new IllegalArgumentException("The " + option + " option of " + operation + " takes one value "
                    + "(Deck filters by one), but has " + values.size() + ": " + value);
        }
        return addEachOf(name, option, value, valid);
    }

    /** An option holding an ISO 8601 instant. */
    ListFilters addInstant(String name, String option, String value) {
        params.add(name, OptionValues.instant(option, value));
        return this;
    }

    List<Map.Entry<String, String>> build() {
        return params.build();
    }
}
