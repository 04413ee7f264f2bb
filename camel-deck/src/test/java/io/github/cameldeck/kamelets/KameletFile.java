package io.github.cameldeck.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One file of the jar's {@code kamelets/} folder, as camel-kamelet finds it on the classpath: its name, its text (after
 * the build wrote the version into it) and its YAML as maps and lists.
 */
record KameletFile(String fileName, String text, Map<String, Object> yaml) {

    static final String FOLDER = "kamelets";

    /** Every file of {@code kamelets/} on the classpath (the build's output, target/classes), sorted by name. */
    static List<KameletFile> all() {
        URL folder = KameletFile.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("no " + FOLDER + "/ folder on the classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<KameletFile> all = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                all.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static KameletFile parse(String fileName, String text) {
        return new KameletFile(fileName, text, yaml(text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(text);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    String name() {
        return string(at("metadata", "name"));
    }

    String type() {
        return string(at("metadata", "labels", "camel.apache.org/kamelet.type"));
    }

    String annotation(String name) {
        return string(at("metadata", "annotations", name));
    }

    String label(String name) {
        return string(at("metadata", "labels", name));
    }

    Map<String, Object> definition() {
        return map(at("spec", "definition"));
    }

    /** The properties of spec.definition, by name. */
    Map<String, Map<String, Object>> properties() {
        Map<String, Object> properties = map(definition().get("properties"));
        Map<String, Map<String, Object>> typed = new java.util.LinkedHashMap<>();
        properties.forEach((name, property) -> typed.put(name, map(property)));
        return typed;
    }

    List<String> required() {
        return strings(definition().get("required"));
    }

    List<String> dependencies() {
        return strings(at("spec", "dependencies"));
    }

    Object template() {
        return at("spec", "template");
    }

    /** The value at this path of mappings, or null. */
    Object at(String... path) {
        Object node = yaml;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }
}
