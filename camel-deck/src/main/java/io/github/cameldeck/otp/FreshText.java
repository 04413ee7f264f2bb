package io.github.cameldeck.otp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the sender of a plain-text message wrote now, without the earlier messages it quotes: lines starting with
 * {@code >} go, and everything from a reply header on ({@code On ... wrote:}, {@code Am ... schrieb ...:} and their
 * French, Spanish, Italian, Dutch and Portuguese forms, {@code -----Original Message-----} and its translations) or
 * from a signature separator ({@code --}). "Sent from my iPhone" lines and their translations go as well.
 * <p>
 * Forwarded messages are kept: a customer who forwards the bank's message forwards the code.
 */
final class FreshText {

    private static final Pattern QUOTED = Pattern.compile("^\\s*>");
    private static final Pattern SIGNATURE_SEPARATOR = Pattern.compile("^--\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?iu)^\\s*-{2,}\\s*(?:original message"
            + "|ursprüngliche nachricht|original-nachricht|originalnachricht|message d'origine|mensaje original"
            + "|messaggio originale|oorspronkelijk bericht|mensagem original)\\s*-{2,}\\s*$");
    private static final Pattern REPLY_HEADER = Pattern.compile("(?iu)^\\s*(?:on\\s.+\\swrote"
            + "|am\\s.+\\sschrieb(?:\\s.*)?|le\\s.+\\sa\\s+écrit|el\\s.+\\sescribió|il\\s.+\\sha\\s+scritto"
            + "|op\\s.+\\sschreef(?:\\s.*)?|em\\s.+\\sescreveu)\\s*:\\s*$");
    private static final Pattern REPLY_HEADER_START = Pattern.compile("(?iu)^\\s*(?:on|am|le|el|il|op|em)\\s");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("(?iu)^\\s*(?:sent from my|get outlook for"
            + "|von meinem|gesendet von meinem|envoyé de mon|enviado desde mi|enviado do meu|inviato da"
            + "|verstuurd vanaf mijn|verzonden vanaf mijn)\\s.*$");

    private FreshText() {
    }

    static String of(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (SIGNATURE_SEPARATOR.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()
                    || isReplyHeader(line, i + 1 < lines.length ? lines[i + 1] : null)) {
                break;
            }
            if (!QUOTED.matcher(line).find() && !MOBILE_SIGNATURE.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    /** A reply header on this line, or on this line and the next one (mail clients wrap long ones). */
    private static boolean isReplyHeader(String line, String next) {
        if (!REPLY_HEADER_START.matcher(line).find()) {
            return false;
        }
        return REPLY_HEADER.matcher(line).matches()
                || next != null && REPLY_HEADER.matcher(line.stripTrailing() + " " + next.strip()).matches();
    }
}
