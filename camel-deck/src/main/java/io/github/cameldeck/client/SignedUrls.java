package io.github.cameldeck.client;

import java.net.URI;

/** Signed URLs as they may be shown: without the query string, which carries the signature. */
public final class SignedUrls {

    private SignedUrls() {
    }

    /** Scheme, host, port and path of {@code url}; {@code (no URL)} when null, {@code (not a URL)} when unreadable. */
    public static String withoutQuery(String url) {
        if (url == null) {
            return "(no URL)";
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "(not a URL)";
            }
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() != null ? uri.getRawPath() : "");
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }
}
