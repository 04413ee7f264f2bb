package io.github.cameldeck.simulator.files;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A download request's target and signature, read from the path and query that {@link SignedUrls} writes.
 *
 * @param storageId the storage id, or null for a screenshot
 * @param fileName the decoded file name in a storage path, or null for a screenshot
 * @param runId the run of a screenshot, or null
 * @param sequence the screenshot's number, or 0
 * @param expires the {@code expires} parameter, or null when missing or not a number
 * @param signature the {@code signature} parameter, or null
 */
record FileAddress(String storageId, String fileName, String runId, int sequence, Long expires, String signature) {

    /** The address of {@code rawPath}, or null if the path is not a file's. */
    static FileAddress parse(String rawPath, String rawQuery) {
        String[] segments = rawPath.split("/", -1);
        if (segments.length != 4 || !segments[0].isEmpty() || segments[2].isEmpty() || segments[3].isEmpty()) {
            return null;
        }
        Long expires = null;
        String signature = null;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.equals("expires")) {
                    expires = number(value);
                } else if (name.equals("signature")) {
                    signature = value;
                }
            }
        }
        if (segments[1].equals("files")) {
            return new FileAddress(decode(segments[2]), decode(segments[3]), null, 0, expires, signature);
        }
        if (segments[1].equals("screenshots") && segments[3].matches("[1-9][0-9]{0,8}\\.png")) {
            int sequence = Integer.parseInt(segments[3].substring(0, segments[3].length() - 4));
            return new FileAddress(null, null, decode(segments[2]), sequence, expires, signature);
        }
        return null;
    }

    boolean isScreenshot() {
        return runId != null;
    }

    /** What the signature covers besides the expiry. */
    String key() {
        return isScreenshot() ? HostedFile.screenshotKey(runId, sequence) : storageId;
    }

    /** Percent-decoding for a path segment or query value ({@code +} stays a plus sign). */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
