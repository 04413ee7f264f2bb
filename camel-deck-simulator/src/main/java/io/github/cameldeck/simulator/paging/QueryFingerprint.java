package io.github.cameldeck.simulator.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A short hash of an endpoint plus its filter parameters (paging parameters excluded), stored in cursors so that a
 * cursor reused with other filters or on another endpoint is rejected. Array values are compared as sets; repeated
 * keys and comma-separated values are equivalent.
 */
public final class QueryFingerprint {

    private static final Set<String> PAGING = Set.of("limit", "cursor", "starting_after", "ending_before");

    private QueryFingerprint() {
    }

    public static String of(String endpoint, Map<String, List<String>> query) {
        TreeMap<String, List<String>> canonical = new TreeMap<>();
        query.forEach((key, values) -> {
            if (PAGING.contains(key)) {
                return;
            }
            List<String> all = new ArrayList<>();
            for (String v : values) {
                for (String part : v.split(",")) {
                    String trimmed = part.trim();
                    if (!trimmed.isEmpty()) {
                        all.add(trimmed);
                    }
                }
            }
            if (!all.isEmpty()) {
                all.sort(null);
                canonical.put(key, List.copyOf(new java.util.LinkedHashSet<>(all)));
            }
        });
        StringBuilder sb = new StringBuilder(endpoint);
        canonical.forEach((k, v) -> sb.append('\n').append(k).append('=').append(String.join("\u0001", v)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
