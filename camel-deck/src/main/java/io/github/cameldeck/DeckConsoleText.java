package io.github.cameldeck;

import java.util.List;
import java.util.Map;

/**
 * The text of the {@code deck} dev console: its JSON written as indented {@code name: value} lines, an organization
 * or a consumer headed by its name, a list item by a dash before its first field. Values that are null are left out.
 */
final class DeckConsoleText {

    private DeckConsoleText() {
    }

    static String render(Map<String, Object> json) {
        StringBuilder text = new StringBuilder();
        List<?> organizations = (List<?>) json.get("organizations");
        if (organizations.isEmpty()) {
            text.append("No Deck organization: no deck endpoint has started\n");
        }
        for (Object organization : organizations) {
            Map<?, ?> o = (Map<?, ?>) organization;
            text.append("Organization ").append(o.get("name")).append(" (").append(o.get("baseUrl")).append(")\n");
            fields(text, o, 1, "name", "baseUrl");
        }
        for (Object consumer : (List<?>) json.get("consumers")) {
            Map<?, ?> c = (Map<?, ?>) consumer;
            text.append("Consumer ").append(c.get("routeId")).append(" (").append(c.get("uri")).append(")\n");
            fields(text, c, 1, "routeId", "uri");
        }
        return text.toString();
    }

    private static void fields(StringBuilder text, Map<?, ?> map, int depth, String... skip) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null || List.of(skip).contains(entry.getKey())) {
                continue;
            }
            indent(text, depth).append(entry.getKey()).append(':');
            value(text, entry.getValue(), depth);
        }
    }

    private static void value(StringBuilder text, Object value, int depth) {
        if (value instanceof Map<?, ?> nested) {
            text.append('\n');
            fields(text, nested, depth + 1);
        } else if (value instanceof List<?> items) {
            text.append(items.isEmpty() ? " none\n" : "\n");
            for (Object item : items) {
                if (item instanceof Map<?, ?> nested) {
                    // the item's first field on the dash's line, the others below it
                    StringBuilder fields = new StringBuilder();
                    fields(fields, nested, depth + 2);
                    int dash = 2 * (depth + 1);
                    if (fields.length() < dash + 2) {
                        indent(text, depth + 1).append("-\n");
                    } else {
                        text.append(fields, 0, dash).append("- ").append(fields, dash + 2, fields.length());
                    }
                } else {
                    indent(text, depth + 1).append("- ").append(item).append('\n');
                }
            }
        } else {
            text.append(' ').append(value).append('\n');
        }
    }

    private static StringBuilder indent(StringBuilder text, int depth) {
        return text.append("  ".repeat(depth));
    }
}
