package io.github.cameldeck.otp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text names a one-time code, in English, German, French, Spanish, Italian, Dutch and Portuguese: the words
 * for code (code, passcode, Bestätigungscode, Sicherheitscode, verificatiecode: any word ending in {@code code};
 * código, codice), OTP, PIN, TAN (with its mTAN, pushTAN... forms, in capitals only, since "tan" is a Spanish word),
 * clave, one-time and its translations, and verification and its translations.
 * <p>
 * Codes of another kind are not keywords: postal, zip, area, country, sort and bank codes, promo, discount, voucher,
 * gift and QR codes, in the same languages.
 */
final class CodeKeywords {

    /** A keyword's place in the text. */
    record Keyword(int start, int end) {
    }

    private static final Pattern CODE_WORD = Pattern
            .compile("(?iu)(?<!\\p{L})(\\p{L}*?)(?:codes?|c[oó]digos?|codic[ei])(?!\\p{L})");
    private static final Pattern OTHER_WORD = Pattern.compile("(?iu)(?<![\\p{L}\\d])(?:otp|pin|clave|one[- ]time"
            + "|einmal\\p{L}*|eenmalig\\p{L}*|usage unique|un solo uso|monouso|uso único|verification|verifizierung"
            + "|vérification|verificación|verifica|verificatie|verificação)(?!\\p{L})");
    private static final Pattern TAN = Pattern
            .compile("(?<!\\p{L})(?:m|i|e|sms|SMS-|sms-|push|chip|photo|mobile)?TAN(?!\\p{L})");
    /** Letters glued in front of "code" that make it another kind of code (Postcode, Promocode, Gutscheincode). */
    private static final Set<String> OTHER_CODE_PREFIXES = Set.of("de", "en", "post", "zip", "promo", "qr", "bar",
            "source", "gutschein", "rabatt", "aktions", "länder", "bank", "sort", "area", "geo", "quell", "vorwahl",
            "gift", "voucher", "coupon", "discount", "referral", "dress", "tracking");
    private static final Pattern OTHER_CODE_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(?:zip|postal|post|area"
            + "|country|sort|bank|swift|branch|routing|promo|promotional|discount|voucher|coupon|gift|referral|qr|bar"
            + "|source|dress|tracking|rabatt|gutschein)[\\s-]*$");
    private static final Pattern OTHER_CODE_AFTER = Pattern.compile("(?iu)^[\\s-]*(?:postal|postale|promo\\p{L}*"
            + "|de réduction|de descuento|de barras|fiscale|de área|sconto|qr|pays|país|paese|de país|area)(?!\\p{L})");

    private CodeKeywords() {
    }

    /** The keywords of the text, in the order they appear. */
    static List<Keyword> find(String text) {
        List<Keyword> found = new ArrayList<>();
        Matcher code = CODE_WORD.matcher(text);
        while (code.find()) {
            if (!OTHER_CODE_PREFIXES.contains(code.group(1).toLowerCase())
                    && !OTHER_CODE_BEFORE.matcher(text.substring(Math.max(0, code.start() - 20), code.start())).find()
                    && !OTHER_CODE_AFTER.matcher(text.substring(code.end(), Math.min(text.length(), code.end() + 20)))
                            .find()) {
                found.add(new Keyword(code.start(), code.end()));
            }
        }
        for (Pattern pattern : List.of(OTHER_WORD, TAN)) {
            Matcher word = pattern.matcher(text);
            while (word.find()) {
                found.add(new Keyword(word.start(), word.end()));
            }
        }
        found.sort(Comparator.comparingInt(Keyword::start));
        return found;
    }
}
