package io.github.cameldeck;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a base URL that would send the API key in clear text: it must be HTTPS, unless it is a loopback address (the
 * simulator, a local proxy) or the user set allowInsecure. Checked without any lookup: only literal loopback addresses
 * and {@code localhost} count as loopback.
 */
final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    static URI check(String baseUrl, boolean allowInsecure) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The baseUrl option must not be empty");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The baseUrl option is not a valid URL: " + baseUrl, e);
        }
        String scheme = uri.getScheme() != null ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
        if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalArgumentException(
                    "The baseUrl option must be an http(s) URL with a host, was: " + baseUrl);
        }
        if ("http".equals(scheme) && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "The baseUrl option must use https: the API key would travel in clear text to "
                            + uri.getHost() + ". Plain http is accepted for loopback addresses, or with "
                            + "allowInsecure=true");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return "localhost".equals(h) || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}") || "::1".equals(h)
                || "0:0:0:0:0:0:0:1".equals(h);
    }
}
