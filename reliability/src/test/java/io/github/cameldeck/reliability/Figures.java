package io.github.cameldeck.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one reliability run: printed, and appended as a Markdown table to target/reliability-figures.md.
 */
final class Figures {

    private final String title;
    private final Map<String, Object> rows = new LinkedHashMap<>();

    Figures(String title) {
        this.title = title;
    }

    Figures add(String name, Object value) {
        rows.put(name, value);
        return this;
    }

    void publish() {
        StringBuilder md = new StringBuilder("\n### ").append(title).append("\n\n| figure | value |\n|---|---|\n");
        rows.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(md);
        Path file = Path.of(System.getProperty("figures.file", "target/reliability-figures.md"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
