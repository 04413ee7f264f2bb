package io.github.cameldeck.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the run prints: Markdown, on stdout as it goes and in one file at the end of each part. */
final class Report {

    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
        this.file = file;
    }

    void heading(String title) {
        emit("\n## " + title + "\n");
    }

    void line(String line) {
        emit(line);
    }

    void table(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder("\n| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append(i == 0 ? "---|" : "---:|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        emit(md.toString());
    }

    /** Progress that is not part of the results: stderr only. */
    static void progress(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

    private synchronized void emit(String markdown) {
        System.out.println(markdown);
        System.out.flush();
        text.append(markdown).append('\n');
        flush();
    }

    private void flush() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row builder: {@code Row.of("a", 1.5)}. */
    static List<String> row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        return row;
    }
}
