package io.github.cameldeck.otp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4226 Appendix D: the secret "12345678901234567890", counters 0 to 9. */
class HotpTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** The 6-digit HOTP values, and the truncated 31-bit values the appendix lists (as 10 digits, zero-padded). */
    @ParameterizedTest(name = "counter {0}")
    @CsvSource({
            "0, 755224, 1284755224",
            "1, 287082, 1094287082",
            "2, 359152, 0137359152",
            "3, 969429, 1726969429",
            "4, 338314, 1640338314",
            "5, 254676, 0868254676",
            "6, 287922, 1918287922",
            "7, 162583, 0082162583",
            "8, 399871, 0673399871",
            "9, 520489, 0645520489"})
    void rfc4226AppendixD(long counter, String sixDigits, String truncated) {
        assertThat(Hotp.code(SECRET, "HmacSHA1", counter, 6)).isEqualTo(sixDigits);
        assertThat(Hotp.code(SECRET, "HmacSHA1", counter, 10)).isEqualTo(truncated);
        assertThat(Hotp.code(SECRET, "HmacSHA1", counter, 8)).isEqualTo(truncated.substring(2));
    }
}
