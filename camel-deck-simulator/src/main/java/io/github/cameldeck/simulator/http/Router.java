package io.github.cameldeck.simulator.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps method + path to a handler. Templates use {@code {id}} for a path segment; the route key is the method plus
 * the template (e.g. {@code POST /v2/tasks/{id}/run}).
 */
public final class Router {

    /** A registered route. */
    public record Route(String method, String template, String[] segments, EndpointHandler handler) {
        public String routeKey() {
            return method + " " + template;
        }
    }

    /**
     * Result of a lookup: the route and its path parameters, or no route with the methods allowed on the path (empty
     * = the path is unknown).
     */
    public record Match(Route route, List<String> params, Set<String> allowedMethods, String routeKey) {
        public boolean found() {
            return route != null;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, EndpointHandler handler) {
        routes.add(new Route(method, template, split(template), handler));
        return this;
    }

    public Match match(String method, String path) {
        String[] parts = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            List<String> params = matchSegments(route.segments(), parts);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, params, Set.of(), route.routeKey());
            }
            allowed.add(route.method());
        }
        return new Match(null, List.of(), allowed, method + " " + path);
    }

    private static List<String> matchSegments(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return null;
        }
        List<String> params = new ArrayList<>(1);
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.add(parts[i]);
            } else if (!template[i].equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
