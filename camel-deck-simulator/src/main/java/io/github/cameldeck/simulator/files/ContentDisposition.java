package io.github.cameldeck.simulator.files;

/** The {@code Content-Disposition} header of a download (RFC 6266). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * {@code attachment; filename="<name>"}, quotes and backslashes escaped; a name with other than printable ASCII
     * gets {@code ?} in its place there and the exact name in {@code filename*=UTF-8''…}.
     */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        boolean exact = true;
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c == '"' || c == '\\') {
                ascii.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                ascii.append(c);
            } else {
                ascii.append('?');
                exact = false;
            }
        }
        String header = "attachment; filename=\"" + ascii + "\"";
        return exact ? header : header + "; filename*=UTF-8''" + SignedUrls.pathSegment(fileName);
    }
}
