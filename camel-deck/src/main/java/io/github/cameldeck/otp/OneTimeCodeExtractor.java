package io.github.cameldeck.otp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cameldeck.otp.CodeCandidates.Candidate;
import io.github.cameldeck.otp.CodeKeywords.Keyword;

/**
 * Finds the one-time code in the text of an e-mail or SMS: a bank's message, or a customer's reply that carries it.
 * <ol>
 * <li>An HTML body is turned into its text first, without its {@code <blockquote>}s.</li>
 * <li>Earlier messages a reply quotes go: {@code >} lines, and everything from {@code On ... wrote:},
 * {@code Am ... schrieb ...:}, {@code -----Original Message-----} (and their translations) or a {@code --} signature
 * separator on; so do links and e-mail addresses.</li>
 * <li>A reply that is only a code ({@code 123456}, {@code 123 456}, {@code 1234-5678}) is that code.</li>
 * <li>Otherwise the candidates are the numbers {@link CodeCandidates} accepts (4 to 8 digits, or two equal halves
 * joined by a space or dash; no dates, times, amounts, phone, account or card numbers), and the keywords those
 * {@link CodeKeywords} finds (code, OTP, TAN, PIN, código, codice... in seven languages). Each candidate is ranked by
 * how plainly a keyword names it: <b>adjacent</b> (at most 4 words and 40 characters between them, no digits, no end
 * of sentence, a blank line only when there is no word: "code: 123456", "Ihre TAN lautet 123456", "123456 is your
 * verification code"), else in the <b>same
 * sentence</b> (within 150 characters, no end of sentence or blank line between), else <b>nearby</b> (within 200
 * characters). A possible year (1900 to 2099) counts only right after a keyword ("PIN: 1987").</li>
 * <li>Numbers listed one after the other ("111111 and 222222") share the best rank among them.</li>
 * <li>The code is the number of the best rank. When different numbers share the best rank, or none is near a keyword,
 * there is no code: the caller should ask a person rather than send a guess.</li>
 * </ol>
 * Returns the digits only. Thread-safe; never logs.
 */
public final class OneTimeCodeExtractor {

    private enum Nearness {
        ADJACENT, SAME_SENTENCE, NEARBY
    }

    private static final int ADJACENT_CHARS = 40;
    private static final int ADJACENT_WORDS = 4;
    private static final int SENTENCE_CHARS = 150;
    private static final int NEARBY_CHARS = 200;

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]");
    private static final Pattern WIDE_SPACE = Pattern.compile("[\t\u00a0\u2007\u2009\u202f]");
    private static final Pattern LINK_OR_ADDRESS = Pattern
            .compile("(?i)(?:https?://|www\\.)\\S+|(?<![\\w.+-])[\\w.+-]++@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern BARE_CODE = Pattern
            .compile("\\s*([0-9]{4,8}|[0-9]{3}[ -][0-9]{3}|[0-9]{4}[ -][0-9]{4})\\s*[.!]?\\s*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ ]*\\n");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?iu)\\s*(?:[,;/&+]\\s*)?(?:(?:and|or|und|oder|et|ou"
            + "|y|o|e|ed|of|en)\\s+)?");
    /** Between a keyword and a number it names directly: punctuation, and at most one "is". */
    private static final Pattern DIRECTLY = Pattern.compile("(?iu)[\\s:#=\"'«»„“”*–—-]*(?:(?:is|ist|lautet|est|es|è"
            + "|é|was|era)[\\s:#=\"'«»„“”*–—-]*)?");

    /** The digits of the one code the text gives, or empty when it gives none or more than one. */
    public Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String fresh = freshText(text);
        Matcher bare = BARE_CODE.matcher(fresh);
        if (bare.matches()) {
            return Optional.of(bare.group(1).replaceAll("[ -]", ""));
        }
        return bestNamed(fresh, CodeKeywords.find(fresh), CodeCandidates.find(fresh));
    }

    /**
     * The code of a customer's reply to a request for it, where no keyword needs to name it ("Here it is: 123456"):
     * what {@link #find(String)} finds, else the one code-like number of the reply's own text (quoted message and
     * signature dropped; dates, amounts, phone and account numbers never count), else empty; empty as well when the
     * reply has two different such numbers.
     */
    public Optional<String> findInReply(String text) {
        Optional<String> named = find(text);
        if (named.isPresent() || text == null || text.isBlank()) {
            return named;
        }
        Set<String> numbers = new TreeSet<>();
        for (Candidate candidate : CodeCandidates.find(freshText(text))) {
            if (!candidate.possibleYear()) {
                numbers.add(candidate.digits());
            }
        }
        return numbers.size() == 1 ? Optional.of(numbers.iterator().next()) : Optional.empty();
    }

    /** The text itself: HTML as text, without invisible characters, quoted messages, signatures, links, addresses. */
    private static String freshText(String text) {
        String plain = HtmlText.isHtml(text) ? HtmlText.toText(text) : text;
        plain = WIDE_SPACE.matcher(ZERO_WIDTH.matcher(plain).replaceAll("")).replaceAll(" ");
        return LINK_OR_ADDRESS.matcher(FreshText.of(plain)).replaceAll(" ");
    }

    private static Optional<String> bestNamed(String text, List<Keyword> keywords, List<Candidate> candidates) {
        Nearness[] nearness = new Nearness[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            for (Keyword keyword : within(keywords, candidates.get(i))) {
                Nearness n = nearness(text, keyword, candidates.get(i));
                if (n != null && (nearness[i] == null || n.compareTo(nearness[i]) < 0)) {
                    nearness[i] = n;
                }
            }
        }
        shareAlongLists(text, candidates, nearness);
        Map<Nearness, Set<String>> byNearness = new EnumMap<>(Nearness.class);
        for (int i = 0; i < candidates.size(); i++) {
            if (nearness[i] != null) {
                byNearness.computeIfAbsent(nearness[i], n -> new TreeSet<>()).add(candidates.get(i).digits());
            }
        }
        return byNearness.values().stream().findFirst().filter(codes -> codes.size() == 1)
                .map(codes -> codes.iterator().next());
    }

    /** The keywords (sorted by place) that are not too far from the candidate to name it. */
    private static List<Keyword> within(List<Keyword> keywords, Candidate candidate) {
        int low = 0;
        int high = keywords.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keywords.get(middle).end() < candidate.start() - NEARBY_CHARS) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = low;
        while (end < keywords.size() && keywords.get(end).start() <= candidate.end() + NEARBY_CHARS) {
            end++;
        }
        return keywords.subList(low, end);
    }

    /**
     * Numbers listed one after the other ("111111 and 222222", "111111, 222222") are named as plainly as the best named
     * of them: the keyword names the list, not its first item.
     */
    private static void shareAlongLists(String text, List<Candidate> candidates, Nearness[] nearness) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i + 1 < candidates.size(); i++) {
                String between = text.substring(candidates.get(i).end(), candidates.get(i + 1).start());
                if (LIST_SEPARATOR.matcher(between).matches()) {
                    Nearness best = better(nearness[i], nearness[i + 1]);
                    nearness[i] = best;
                    nearness[i + 1] = best;
                }
            }
        }
    }

    private static Nearness better(Nearness a, Nearness b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** How plainly the keyword names the candidate; null when too far apart. */
    private static Nearness nearness(String text, Keyword keyword, Candidate candidate) {
        boolean keywordFirst = keyword.end() <= candidate.start();
        if (!keywordFirst && keyword.start() < candidate.end()) {
            return null;
        }
        int from = keywordFirst ? keyword.end() : candidate.end();
        int to = keywordFirst ? candidate.start() : keyword.start();
        if (to - from > NEARBY_CHARS) {
            return null;
        }
        String between = text.substring(from, to);
        if (candidate.possibleYear()) {
            return keywordFirst && DIRECTLY.matcher(between).matches() ? Nearness.ADJACENT : null;
        }
        boolean sentenceEnds = SENTENCE_END.matcher(between).find();
        boolean blankLine = BLANK_LINE.matcher(between).find();
        long words = WORD.matcher(between).results().count();
        if (!sentenceEnds && !DIGIT.matcher(between).find() && between.length() <= ADJACENT_CHARS
                && words <= ADJACENT_WORDS && (words == 0 || !blankLine)) {
            return Nearness.ADJACENT;
        }
        if (!sentenceEnds && !blankLine && between.length() <= SENTENCE_CHARS) {
            return Nearness.SAME_SENTENCE;
        }
        return Nearness.NEARBY;
    }
}
