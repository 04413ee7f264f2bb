package io.github.cameldeck.examples.support;

import java.io.Console;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.cameldeck.model.InteractionField;
import io.github.cameldeck.model.TaskRun;

/**
 * The bean {@code codeBook}: knows the answers the sites ask for (MFA codes, security answers, account ids) and builds
 * the body of {@code deck:submitInteraction}, one value per field the run asks for: {@code {"code": "123456"}}.
 * <p>
 * The answers of a task are the property {@code demo.answers.<task id>}, comma-separated in the order the site asks
 * for them ({@code 123456,654321}: the first prompt of a run gets 123456, the second 654321). A prompt it has no answer
 * for is asked on the console (not echoed), as a real MFA code arriving on a phone would be.
 */
public class CodeBook {

    private final Function<String, Optional<String>> properties;
    private final Map<String, Integer> answersGiven = new HashMap<>();

    /** @param properties looks up a property (Camel's property placeholders, or Spring's Environment) */
    public CodeBook(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    /** The answer to the interaction the run waits on, one value per field. */
    public synchronized Map<String, String> answerFor(TaskRun run) {
        Map<String, String> answer = new LinkedHashMap<>();
        List<InteractionField> fields = run.getInteraction() == null || run.getInteraction().getFields() == null
                ? List.of()
                : run.getInteraction().getFields();
        for (InteractionField field : fields) {
            answer.put(field.getName(), next(run, field));
        }
        return answer;
    }

    /** Whether it has the next answer for this run, or a console to ask on. */
    public synchronized boolean canAnswer(TaskRun run) {
        return known(run).size() > answersGiven.getOrDefault(run.getId(), 0) || System.console() != null;
    }

    private String next(TaskRun run, InteractionField field) {
        List<String> known = known(run);
        int index = answersGiven.merge(run.getId(), 1, Integer::sum) - 1;
        return index < known.size() ? known.get(index) : ask(run, field);
    }

    private List<String> known(TaskRun run) {
        return properties.apply("demo.answers." + run.getTaskId())
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static String ask(TaskRun run, InteractionField field) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("No answer for the field " + field.getName() + " of run " + run.getId()
                    + ": set demo.answers." + run.getTaskId()
                    + " (comma-separated, in the order the site asks), or run the demo in a terminal to type it");
        }
        String label = field.getLabel() != null ? field.getLabel() : field.getName();
        char[] typed = console.readPassword("  %s for run %s (not shown): ", label, run.getId());
        return typed == null ? "" : new String(typed).trim();
    }
}
