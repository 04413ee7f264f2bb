package io.github.cameldeck.otp;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Expression;

/**
 * One-time codes in routes, for answering a run in {@code interaction_required} with {@code deck:submitInteraction}:
 * the TOTP code of a secret (the code an authenticator app would show now), or the code in the text of an e-mail or
 * SMS ({@link OneTimeCodeExtractor}), and the body {@code {"code": "123456"}} that answers the interaction.
 * <p>
 * <b>As a bean</b> (an instance; {@code camel.beans.deckCodes=#class:io.github.cameldeck.otp.DeckOneTimeCodes}, or
 * {@code .bean(DeckOneTimeCodes.class, "totp(${properties:bank.totp.secret})")}): {@link #totp(String)},
 * {@link #extract(String)}, {@link #interactionBody(String)}. <b>In the Java DSL</b>, the static expressions
 * {@link #totpExpression(Expression)}, {@link #extractFromBodyExpression()}, {@link #interactionBodyExpression}...
 * They are named apart from the bean methods because Camel's bean binding considers static methods too.
 * <p>
 * Nothing here logs, and no exception message or {@code toString()} shows a secret, a code or the text searched.
 * TOTP uses the defaults of authenticator apps (HMAC-SHA1, 6 digits, 30 seconds); other settings are on {@link Totp}.
 */
public class DeckOneTimeCodes {

    /** The field of Deck's {@code mfa} interaction. */
    public static final String DEFAULT_FIELD = "code";

    private static final OneTimeCodeExtractor EXTRACTOR = new OneTimeCodeExtractor();

    private final Clock clock;

    /** Codes on the system clock. */
    public DeckOneTimeCodes() {
        this(Clock.systemUTC());
    }

    /** Codes on the given clock (tests). */
    public DeckOneTimeCodes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The TOTP code now for a Base32 secret.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32 (the message never shows it)
     */
    public String totp(String base32Secret) {
        return Totp.fromBase32(base32Secret).withClock(clock).codeNow();
    }

    /**
     * The one-time code in the text of an e-mail or SMS, digits only.
     *
     * @throws DeckOneTimeCodeNotFoundException when the text gives no code, or two equally plausible ones
     */
    public String extract(String text) {
        return codeIn(text);
    }

    /**
     * The one-time code in a customer's reply to a request for it, where no keyword needs to name it ("Here it is:
     * 123456"); see {@link OneTimeCodeExtractor#findInReply(String)}.
     *
     * @throws DeckOneTimeCodeNotFoundException when the reply gives no code, or two different ones
     */
    public String extractFromReply(String text) {
        return EXTRACTOR.findInReply(text)
                .orElseThrow(() -> new DeckOneTimeCodeNotFoundException(text == null ? 0 : text.length()));
    }

    /** The submitInteraction body for an {@code mfa} interaction: {@code {"code": code}}. */
    public Map<String, String> interactionBody(String code) {
        return interactionBody(DEFAULT_FIELD, code);
    }

    /** The submitInteraction body {@code {field: code}}. */
    public Map<String, String> interactionBody(String field, String code) {
        return answer(requireField(field), code);
    }

    /**
     * The TOTP code at each evaluation for a Base32 secret, checked now. A route dump shows {@code totp(<secret>)}.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32 (the message never shows it)
     */
    public static Expression totpExpression(String base32Secret) {
        Totp totp = Totp.fromBase32(base32Secret);
        return new CodeExpression("totp(<secret>)", List.of(), exchange -> totp.codeNow());
    }

    /**
     * The TOTP code at each evaluation for the Base32 secret {@code base32Secret} evaluates to, such as
     * {@code simple("${properties:bank.totp.secret}")}: the secret is read when the exchange needs it and stays out
     * of the route's definition. A route dump shows {@code totp(<secret>)}.
     */
    public static Expression totpExpression(Expression base32Secret) {
        Objects.requireNonNull(base32Secret, "base32Secret");
        return new CodeExpression("totp(<secret>)", List.of(base32Secret),
                exchange -> Totp.fromBase32(base32Secret.evaluate(exchange, String.class)).codeNow());
    }

    /**
     * The one-time code in a fixed text.
     *
     * @see #extract(String)
     */
    public static Expression extractExpression(String text) {
        return new CodeExpression("extractOneTimeCode(<text>)", List.of(), exchange -> codeIn(text));
    }

    /**
     * The one-time code in the text {@code text} evaluates to (converted to a {@code String} by Camel's type
     * converters); fails the exchange with {@link DeckOneTimeCodeNotFoundException} when there is none.
     */
    public static Expression extractExpression(Expression text) {
        Objects.requireNonNull(text, "text");
        return new CodeExpression("extractOneTimeCode(" + text + ")", List.of(text),
                exchange -> codeIn(text.evaluate(exchange, String.class)));
    }

    /**
     * The one-time code in the message body (a {@code String}, or anything Camel's type converters turn into one);
     * fails the exchange with {@link DeckOneTimeCodeNotFoundException} when there is none.
     */
    public static Expression extractFromBodyExpression() {
        return new CodeExpression("extractOneTimeCode(${body})", List.of(),
                exchange -> codeIn(exchange.getMessage().getBody(String.class)));
    }

    /**
     * The one-time code in the message body read as a customer's reply to a request for it (see
     * {@link #extractFromReply(String)}); fails the exchange with {@link DeckOneTimeCodeNotFoundException} when there
     * is none.
     */
    public static Expression extractFromReplyExpression() {
        return new CodeExpression("extractOneTimeCodeFromReply(${body})", List.of(),
                exchange -> new DeckOneTimeCodes().extractFromReply(exchange.getMessage().getBody(String.class)));
    }

    /** The submitInteraction body {@code {"code": <code>}}, as a {@code Map}. */
    public static Expression interactionBodyExpression(Expression code) {
        return interactionBodyExpression(DEFAULT_FIELD, code);
    }

    /** The submitInteraction body {@code {<field>: <code>}}, as a {@code Map}. */
    public static Expression interactionBodyExpression(String field, Expression code) {
        Objects.requireNonNull(code, "code");
        requireField(field);
        return new CodeExpression("interactionBody(" + field + ", " + code + ")", List.of(code),
                exchange -> answer(field, code.evaluate(exchange, String.class)));
    }

    private static String codeIn(String text) {
        return EXTRACTOR.find(text)
                .orElseThrow(() -> new DeckOneTimeCodeNotFoundException(text == null ? 0 : text.length()));
    }

    private static String requireField(String field) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("The interaction field to answer has no name");
        }
        return field;
    }

    private static Map<String, String> answer(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("No code to answer the interaction field '" + field + "' with");
        }
        return Map.of(field, code);
    }
}
