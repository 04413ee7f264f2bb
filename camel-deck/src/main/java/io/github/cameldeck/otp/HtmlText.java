package io.github.cameldeck.otp;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a person reads in an HTML e-mail body: no head, style, script or comments; no quoted earlier messages
 * ({@code <blockquote>}); block elements and {@code <br>} as line breaks, table cells apart; character references
 * decoded. Not an HTML parser: enough for the bodies mail clients and banks send.
 */
final class HtmlText {

    private static final Pattern HTML_TAG = Pattern.compile("(?i)<(?:!doctype|html|head|body|div|p|br|span|table|tr|td"
            + "|th|font|b|strong|i|em|a|img|h[1-6]|blockquote|center|ul|ol|li|meta|style|pre)(?:\\s[^<>]*)?/?>");
    private static final Pattern INVISIBLE = Pattern
            .compile("(?is)<!--.*?-->|<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>");
    /** An innermost blockquote: removed repeatedly, so nested ones go too. */
    private static final Pattern BLOCKQUOTE = Pattern
            .compile("(?is)<blockquote\\b[^>]*>(?:(?!<blockquote\\b).)*?</blockquote\\s*>");
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)(?:[\\s/][^<>]*)?>");
    private static final Pattern REFERENCE = Pattern
            .compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});");
    private static final Set<String> LINE_BREAKING = Set.of("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5",
            "h6", "table", "ul", "ol", "hr", "blockquote", "center", "section", "article", "header", "footer", "pre",
            "dd", "dt");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Map<String, String> NAMED = namedReferences();

    private HtmlText() {
    }

    /** True when the text has an element a mail body would have ({@code <p>}, {@code <br>}, {@code <div>}...). */
    static boolean isHtml(String text) {
        return HTML_TAG.matcher(text).find();
    }

    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        String before;
        do {
            before = text;
            text = BLOCKQUOTE.matcher(text).replaceAll("\n");
        } while (!text.equals(before));
        // line breaks in the source are only spaces to a browser
        text = text.replaceAll("\\s+", " ");
        Matcher tags = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (tags.find()) {
            String name = tags.group(1).toLowerCase();
            String replacement = LINE_BREAKING.contains(name) ? "\n" : CELLS.contains(name) ? " " : "";
            tags.appendReplacement(out, replacement);
        }
        tags.appendTail(out);
        return decodeReferences(out.toString());
    }

    private static String decodeReferences(String text) {
        Matcher references = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (references.find()) {
            String decoded = decode(references.group(1));
            references.appendReplacement(out, Matcher.quoteReplacement(decoded != null ? decoded : references.group()));
        }
        references.appendTail(out);
        return out.toString();
    }

    private static String decode(String reference) {
        if (reference.charAt(0) != '#') {
            return NAMED.get(reference);
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
    }

    /** The named references of the markup and of the Latin-1 letters (é is {@code &eacute;}, ä {@code &auml;}...). */
    private static Map<String, String> namedReferences() {
        Map<String, String> named = new HashMap<>(Map.ofEntries(Map.entry("nbsp", "\u00a0"), Map.entry("amp", "&"),
                Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"),
                Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
                Map.entry("szlig", "ß"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("ndash", "–"),
                Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
                Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("ordm", "º"),
                Map.entry("deg", "°"), Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("zwnj", "\u200c"),
                Map.entry("zwj", "\u200d"), Map.entry("shy", "\u00ad"), Map.entry("copy", "©"), Map.entry("reg", "®")));
        Map<Character, String> marks = Map.of('\u0300', "grave", '\u0301', "acute", '\u0302', "circ", '\u0303', "tilde",
                '\u0308', "uml", '\u030a', "ring", '\u0327', "cedil");
        for (char c = '\u00c0'; c <= '\u00ff'; c++) {
            String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (parts.length() == 2 && marks.containsKey(parts.charAt(1))) {
                named.put(parts.charAt(0) + marks.get(parts.charAt(1)), String.valueOf(c));
            }
        }
        return Map.copyOf(named);
    }
}
