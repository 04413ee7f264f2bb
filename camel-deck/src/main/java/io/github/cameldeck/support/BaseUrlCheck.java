package io.github.cameldeck.support;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a URL (the base URL, the consumer's public webhook URL) that would send secrets or data in clear text: it must be HTTPS, unless it is a loopback address (the
 * simulator, a local proxy) or the user set allowInsecure. Checked without any lookup: only literal loopback addresses
 * and {@code localhost} count as loopback.
 */
public final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    public static URI check(String baseUrl, boolean allowInsecure) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The baseUrl option must not be empty");
        }
        return check("baseUrl", baseUrl, allowInsecure, "the API key would travel in clear text");
    }

    /**
     * Checks an http(s) URL option that must use https unless it is a loopback address or allowInsecure is set.
     *
     * @param exposure what plain http would expose, for the message ("the API key would travel in clear text")
     */
    public static URI check(String option, String url, boolean allowInsecure, String exposure) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + option + " option is not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() != null ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
        if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalArgumentException(
                    "The " + option + " option must be an http(s) URL with a host, was: " + url);
        }
        if ("http".equals(scheme) && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "The " + option + " option must use https: " + exposure + " to " + uri.getHost()
                            + ". Plain http is accepted for loopback addresses, or with allowInsecure=true");
        }
        return uri;
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return "localhost".equals(h) || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}") || "::1".equals(h)
                || "0:0:0:0:0:0:0:1".equals(h);
    }
}
