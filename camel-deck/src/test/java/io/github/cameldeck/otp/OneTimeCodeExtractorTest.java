package io.github.cameldeck.otp;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Messages as banks send them and customers answer them, each row one rule of the extractor. */
class OneTimeCodeExtractorTest {

    private static final String NONE = null;

    private final OneTimeCodeExtractor extractor = new OneTimeCodeExtractor();

    static Stream<Arguments> messages() {
        return Stream.of(
                // found: the languages of Deck's sources
                arguments("English SMS, keyword before",
                        "Your Northwind Bank verification code is 482913. It expires in 10 minutes.", "482913"),
                arguments("English SMS, keyword after the number",
                        "G-482913 is your Google verification code.", "482913"),
                arguments("four digits, one-time passcode after",
                        "Use 7391 as your one-time passcode for online banking. Never share it.", "7391"),
                arguments("German mTAN: IBAN and amount in the same sentence",
                        "Ihre mTAN für die Überweisung an Max Mustermann, IBAN DE89 3704 0044 0532 0130 00, "
                                + "Betrag 1.250,00 EUR lautet: 482913",
                        "482913"),
                arguments("German Bestätigungscode, a time after it",
                        "Ihr Bestätigungscode lautet 582104. Gültig bis 14:35 Uhr.", "582104"),
                arguments("German Sicherheitscode split by a space, a date and time before it",
                        "Sicherheitscode für Ihre Anmeldung am 03.05.2025 um 10:32: 771 204", "771204"),
                arguments("German pushTAN on the line after a blank line", "Ihre pushTAN:\n\n482913", "482913"),
                arguments("French code de vérification split by a space",
                        "Votre code de vérification est 204 918. Ne le communiquez à personne.", "204918"),
                arguments("Spanish código, a phone number after it",
                        "Tu código de verificación es 835201. Si no lo solicitaste, llama al 900 123 456.",
                        "835201"),
                arguments("Spanish clave split by a dash",
                        "BancoSol: Su clave de un solo uso es 6619-2047", "66192047"),
                arguments("Italian codice di verifica",
                        "Il tuo codice di verifica è 319 552. Valido per 5 minuti.", "319552"),
                arguments("Dutch verificatiecode",
                        "Uw verificatiecode is 640118. Deel deze code met niemand.", "640118"),
                arguments("Portuguese código",
                        "O seu código de acesso é 905377. Não o partilhe com ninguém.", "905377"),
                // found: HTML
                arguments("HTML bank e-mail: heading, code in its own paragraph, a date and a phone number",
                        "<html><head><style>p{font-size:14px}</style></head><body><h1>Your security code</h1>"
                                + "<p style=\"font-size:32px\"><b>482&nbsp;913</b></p><p>Requested on 5 March 2025 "
                                + "at 10:32 from Chrome.</p><p>Questions? Call +1 800 555 0199.</p></body></html>",
                        "482913"),
                arguments("HTML with character references in the keyword",
                        "<p>Su c&oacute;digo es <strong>771204</strong></p>", "771204"),
                // found: customers' replies
                arguments("a bare reply", "482913", "482913"),
                arguments("a bare reply with spaces and a line break", " 123 456 \n", "123456"),
                arguments("a bare reply above the quoted request",
                        "482913\n\nOn Mon, 3 Mar 2025 at 10:15, Deck Support <support@deck.example> wrote:\n"
                                + "> Please reply with the code your bank sent you, e.g. 123456.\n> Reference 55123",
                        "482913"),
                arguments("a bare reply with a mobile signature", "551903\n\nVon meinem iPhone gesendet", "551903"),
                arguments("a German reply above Am ... schrieb",
                        "Hier ist der Code: 771204\n\nAm 03.03.2025 um 10:15 schrieb Deck Support "
                                + "<support@deck.example>:\n> Bitte senden Sie uns den Code, z. B. 123456.",
                        "771204"),
                arguments("an Outlook reply above -----Original Message-----",
                        "The code is 335 771\n\n-----Original Message-----\nFrom: Deck Support\n"
                                + "Sent: Monday, March 3, 2025 10:15 AM\nSubject: Your code\n\n"
                                + "Please send us the code (six digits, like 123456).",
                        "335771"),
                arguments("a reply wrapped by Gmail: the header on two lines",
                        "Code: 620 114\n\nOn Mon, Mar 3, 2025 at 10:15 AM Deck Support <\nsupport@deck.example> "
                                + "wrote:\n\n> Your code is 999999",
                        "620114"),
                arguments("a Gmail HTML reply: the quote in a blockquote under Am ... schrieb",
                        "<div dir=\"ltr\">Der Code ist 530 112</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" "
                                + "class=\"gmail_attr\">Am Mo., 3. März 2025 um 10:15 Uhr schrieb Deck Support &lt;"
                                + "<a href=\"mailto:support@deck.example\">support@deck.example</a>&gt;:<br></div>"
                                + "<blockquote class=\"gmail_quote\">Bitte senden Sie uns den Code, z. B. 123456."
                                + "</blockquote></div>",
                        "530112"),
                arguments("German SMS-TAN with a labelled order number",
                        "Ihre SMS-TAN für Auftrag 55123 vom 03.03.2025 lautet 771 204", "771204"),
                arguments("a reply with a signature holding a phone number",
                        "Mein Code ist 712004\n-- \nAnna Schmidt\nTel. 030 1234567", "712004"),
                arguments("a forwarded bank message keeps its code",
                        "---------- Forwarded message ---------\nFrom: Northwind Bank <alerts@bank.example>\n"
                                + "Date: Mon, 3 Mar 2025 at 10:15\nSubject: Sign-in\n\nYour one-time code: 264810",
                        "264810"),
                arguments("a number far from the keyword loses to the one next to it",
                        "Security code: 482913\nRequest 7731 from Chrome on Windows", "482913"),
                arguments("a year-like number right after the keyword", "Your PIN is 1987.", "1987"),
                arguments("the same code twice", "Your code is 482913. Enter 482913 on the login page.", "482913"),

                // not found
                arguments("two different codes named alike",
                        "Your old code 111111 is no longer valid. Your new code is 222222.", NONE),
                arguments("two codes in a list after the keyword",
                        "I got two codes, 111111 and 222222. Which one do you need?", NONE),
                arguments("two codes in HTML", "<p>Code: 482913<br>PIN: 7731</p>", NONE),
                arguments("numbers without a keyword",
                        "Please pay 1250 EUR by 05.03.2025 to IBAN DE89370400440532013000.", NONE),
                arguments("a date and a time only",
                        "Your appointment on 03/05/2025 at 14:30 is confirmed. Code of conduct attached.", NONE),
                arguments("amounts with currency",
                        "Your code is valid for payments up to $2500 or 1800 €.", NONE),
                arguments("a phone number next to the keyword",
                        "Didn't request a code? Call 0800 1234567 immediately.", NONE),
                arguments("a card number", "Your card 4111 1111 1111 1111 was charged. Security code needed.", NONE),
                arguments("the phone's last digits",
                        "Enter the code we sent to the phone ending in 4567.", NONE),
                arguments("masked digits", "Code an Ihre Nummer ***4567 gesendet.", NONE),
                arguments("a ZIP code", "Please confirm your ZIP code 10001 and postal address.", NONE),
                arguments("a French postal code", "Code postal : 75008", NONE),
                arguments("a year standing alone", "Our verification code policy changed in 2024.", NONE),
                arguments("an account number", "Kontonummer 12345678, Ihr Code folgt per SMS.", NONE),
                arguments("a long number", "Your code: 12345678901", NONE),
                arguments("a labelled reference",
                        "Your code request (reference 552341) is being processed.", NONE),
                arguments("a time written without a colon", "Ihr Code gilt bis 1430 Uhr.", NONE),
                arguments("the code only in the quoted request",
                        "Thanks, I will send it later.\n\nOn Mon, 3 Mar 2025 at 10:15, Deck <support@deck.example> "
                                + "wrote:\n> Your code is 482913",
                        NONE),
                arguments("the code only on > lines", "> Your code is 482913\nI didn't get any code.", NONE),
                arguments("the code only in an HTML blockquote",
                        "<div>Here it is</div><blockquote>Your code is 482913</blockquote>", NONE),
                arguments("a reply that asks", "I didn't receive anything yet, can you resend?", NONE),
                arguments("two numbers in a short reply", "482913 or 482914?", NONE),
                arguments("the Spanish word tan is not TAN", "Es tan fácil: 4821 clientes ya lo usan.", NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void findsTheCode(String rule, String text, String expected) {
        assertThat(extractor.find(text)).as(rule).isEqualTo(Optional.ofNullable(expected));
    }

    /** Replies to "please reply with the code": no keyword needed, but never a guess between two numbers. */
    static Stream<Arguments> replies() {
        return Stream.of(
                arguments("no keyword near the number", "Hi,\n\nHere it is: 123456\n\nThanks,\nJane", "123456"),
                arguments("the number on its own line between greetings", "Hi,\n123456\nJane", "123456"),
                arguments("a keyword still picks one of two", "Hi, the code is 654321.\n\nI am in room 4412 all day.",
                        "654321"),
                arguments("a signature with a phone number", "Here: 246810\n--\nJane Doe\n+1 415 555 0100",
                        "246810"),
                arguments("the quoted request with its reference is dropped",
                        "It's 135790\n\nOn Mon, 30 Nov 2026 at 10:00, Bank <mfa@bank.example> wrote:\n"
                                + "> Please reply with the code for request 998877.",
                        "135790"),
                arguments("two different numbers: no guess", "Either 123456 or 654321, not sure", NONE),
                arguments("only a date and an amount", "Paid 120,50 EUR on 30.11.2026", NONE),
                arguments("a year alone is not a code", "Since 2019", NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void findsTheCodeInAReply(String rule, String text, String expected) {
        assertThat(extractor.findInReply(text)).as(rule).isEqualTo(Optional.ofNullable(expected));
    }

    /** A newsletter-sized body with thousands of numbers and keywords: a slip into quadratic time would take minutes. */
    @Test
    void aLongBodyTakesNoTime() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 5_000; i++) {
            html.append("<p>Statement line ").append(i).append(": ").append(1000 + i).append(" EUR, code SEPA</p>\n");
        }
        html.append("<p>Your verification code is 482913</p></body></html>");

        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThat(extractor.find(html.toString())).contains("482913"));
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThat(extractor.find("On " + "x".repeat(300_000) + "@bank.example")).isEmpty());
    }

    @Test
    void nothingInNothing() {
        assertThat(extractor.find(null)).isEmpty();
        assertThat(extractor.find("")).isEmpty();
        assertThat(extractor.find(" \n ")).isEmpty();
    }
}
