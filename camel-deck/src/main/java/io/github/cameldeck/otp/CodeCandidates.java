package io.github.cameldeck.otp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a text that can be a one-time code: 4 to 8 digits, or two halves of 3 or 4 digits joined by one space
 * or dash ({@code 123 456}, {@code 1234-5678}). A number is taken whole with its neighbours: digits joined by
 * {@code . , / : - ' –} or by single spaces between groups of up to 4 digits are one number, so a date, time, amount,
 * phone, card or IBAN number is never cut into a code-sized piece. Not candidates:
 * <ul>
 * <li>dates, times, amounts and anything else of three or more groups, or of two groups that are not equal halves;</li>
 * <li>more than 8 digits (account, card numbers);</li>
 * <li>digits glued to letters ({@code DE89...}, {@code ID12345}, {@code 10am}), one space from other digits
 * ({@code 0800 1234567}), after a {@code +}, a {@code )} or a mask ({@code ****4567}), before {@code %};</li>
 * <li>amounts: next to a currency sign or code ({@code €}, {@code EUR}, {@code CHF}...), or ending in {@code ,-};</li>
 * <li>times followed by Uhr, h, am, pm;</li>
 * <li>numbers labelled as something else: order, reference, invoice, account, customer, card, ticket, case, phone,
 * call, fax, "ending in"... and their German, French, Spanish, Italian, Dutch and Portuguese words.</li>
 * </ul>
 * A four-digit number from 1900 to 2099 is marked as a possible year: the extractor takes it only when a keyword names
 * it directly.
 */
final class CodeCandidates {

    /** A number that can be a code: its place in the text and its digits. */
    record Candidate(int start, int end, String digits, boolean possibleYear) {
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String JOINERS = "-./:,'’–";
    private static final String MASKS = "*•·●∙xX";
    private static final String CURRENCY_SIGNS = "$€£¥₹¢";
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(?:eur|usd|gbp|chf|jpy|sek|nok"
            + "|dkk|pln|czk|huf|brl|mxn|ars|cop|clp|cad|aud|inr|us\\$|r\\$|fr\\.?|sfr\\.?|euros?|dollars?)\\s?$");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("(?iu)^(?:\\s?(?:eur|usd|gbp|chf|jpy|sek|nok|dkk"
            + "|pln|czk|huf|brl|mxn|ars|cop|clp|cad|aud|inr|euros?|euro|dollars?|francs?|reais|pesos?)(?!\\p{L})"
            + "|[.,]-)");
    private static final Pattern TIME_AFTER = Pattern.compile("(?iu)^\\s?(?:uhr|h|am|pm|a\\.m\\.|p\\.m\\.)(?!\\p{L})");
    private static final Pattern LABEL_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(?:order|reference|ref|invoice"
            + "|account|acct|customer|client|member|ticket|case|transaction|booking|contract|policy|iban|bic|blz"
            + "|konto|kto|kontonummer|kundennummer|kunden-nr|kundennr|bestellung|bestellnummer|rechnung"
            + "|rechnungsnummer|referenz|auftrag|auftragsnummer|vorgang|vorgangsnummer|vertrag|vertragsnummer"
            + "|commande|facture|compte|référence|dossier|pedido|factura|cuenta|referencia|ordine|fattura|conto"
            + "|riferimento|pratica|bestelling|factuur|rekening|referentie|klantnummer|encomenda|fatura|conta"
            + "|referência|card|karte|carte|tarjeta|carta|kaart|cartão|phone|tel|telephone|telefon|mobile|mobil"
            + "|call|fax|hotline|whatsapp|téléphone|appelez|llame|llámenos|teléfono|telefono|chiama|bel|telefoon"
            + "|ligue|telemóvel|celular|no|nr|n°|nº|ending in|ending with|endet auf|endend auf|terminant par"
            + "|terminado en|terminada en|termina con|termina in|eindigend op|eindigt op|terminado em|termina em)"
            + "(?:\\s+(?:us|me|uns|nous)\\s+(?:at|on|unter|au))?"
            + "(?:[\\s.-]*(?:number|no|nr|n°|nº|num|nummer|número|numéro|numero|#))?[\\s:#.=°-]*$");

    private CodeCandidates() {
    }

    static List<Candidate> find(String text) {
        List<int[]> runs = new ArrayList<>();
        Matcher digits = DIGITS.matcher(text);
        while (digits.find()) {
            runs.add(new int[]{digits.start(), digits.end()});
        }
        List<Candidate> candidates = new ArrayList<>();
        int first = 0;
        while (first < runs.size()) {
            int last = first;
            while (last + 1 < runs.size() && joined(text, runs.get(last), runs.get(last + 1))) {
                last++;
            }
            Candidate candidate = candidate(text, runs.subList(first, last + 1));
            if (candidate != null && !rejectedByContext(text, candidate)) {
                candidates.add(candidate);
            }
            first = last + 1;
        }
        return candidates;
    }

    /** Whether two runs of digits belong to one number. */
    private static boolean joined(String text, int[] left, int[] right) {
        if (right[0] - left[1] != 1) {
            return false;
        }
        char between = text.charAt(left[1]);
        return JOINERS.indexOf(between) >= 0
                || between == ' ' && left[1] - left[0] <= 4 && right[1] - right[0] <= 4;
    }

    private static Candidate candidate(String text, List<int[]> groups) {
        int start = groups.get(0)[0];
        int end = groups.get(groups.size() - 1)[1];
        if (groups.size() == 1) {
            int length = end - start;
            if (length < 4 || length > 8) {
                return null;
            }
            String number = text.substring(start, end);
            boolean year = length == 4 && number.compareTo("1900") >= 0 && number.compareTo("2099") <= 0;
            return new Candidate(start, end, number, year);
        }
        if (groups.size() == 2) {
            int[] left = groups.get(0);
            int[] right = groups.get(1);
            int half = left[1] - left[0];
            char between = text.charAt(left[1]);
            if ((between == ' ' || between == '-') && (half == 3 || half == 4) && right[1] - right[0] == half) {
                return new Candidate(start, end, text.substring(left[0], left[1]) + text.substring(right[0], right[1]),
                        false);
            }
        }
        return null;
    }

    private static boolean rejectedByContext(String text, Candidate candidate) {
        char before = charAt(text, candidate.start() - 1);
        char beforeSpace = before == ' ' ? charAt(text, candidate.start() - 2) : before;
        char after = charAt(text, candidate.end());
        char afterSpace = after == ' ' ? charAt(text, candidate.end() + 1) : after;
        if (Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after) || before == '+'
                || Character.isDigit(beforeSpace) || Character.isDigit(afterSpace) || beforeSpace == ')'
                || MASKS.indexOf(beforeSpace) >= 0 || afterSpace == '%'
                || CURRENCY_SIGNS.indexOf(beforeSpace) >= 0 || CURRENCY_SIGNS.indexOf(afterSpace) >= 0) {
            return true;
        }
        String lineBefore = text.substring(lineStart(text, candidate.start()), candidate.start());
        String rest = text.substring(candidate.end(), Math.min(text.length(), candidate.end() + 12));
        return CURRENCY_BEFORE.matcher(lineBefore).find() || CURRENCY_AFTER.matcher(rest).find()
                || TIME_AFTER.matcher(rest).find() || LABEL_BEFORE.matcher(lineBefore).find();
    }

    private static int lineStart(String text, int index) {
        int newline = text.lastIndexOf('\n', index - 1);
        return Math.max(newline + 1, index - 60);
    }

    private static char charAt(String text, int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : '\0';
    }
}
