package io.github.cameldeck.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query parameters; array parameters accept repeated keys ({@code a=1&a=2}) and comma-separated values. */
public final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams parse(String rawQuery) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.endsWith("[]")) {
                    key = key.substring(0, key.length() - 2);
                }
                map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParams(map);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The first non-blank value, trimmed, or null. */
    public String first(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            return null;
        }
        for (String v : list) {
            if (!v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** All values, repeated keys and comma-separated lists combined, trimmed, blanks dropped. */
    public Set<String> all(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            return Collections.emptySet();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : list) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
