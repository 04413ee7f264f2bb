package io.github.cameldeck.otp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.cameldeck.otp.Totp.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6238 Appendix B, the defaults authenticator apps use, and codes on a fixed clock around period boundaries. */
class TotpTest {

    private static final String SEED_20 = "12345678901234567890";
    private static final String SEED_32 = "12345678901234567890123456789012";
    private static final String SEED_64 = "1234567890123456789012345678901234567890123456789012345678901234";

    /** RFC 6238 Appendix B: every row, 8 digits, each algorithm with its own seed. */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
            "59, SHA1, 94287082",
            "59, SHA256, 46119246",
            "59, SHA512, 90693936",
            "1111111109, SHA1, 07081804",
            "1111111109, SHA256, 68084774",
            "1111111109, SHA512, 25091201",
            "1111111111, SHA1, 14050471",
            "1111111111, SHA256, 67062674",
            "1111111111, SHA512, 99943326",
            "1234567890, SHA1, 89005924",
            "1234567890, SHA256, 91819424",
            "1234567890, SHA512, 93441116",
            "2000000000, SHA1, 69279037",
            "2000000000, SHA256, 90698825",
            "2000000000, SHA512, 38618901",
            "20000000000, SHA1, 65353130",
            "20000000000, SHA256, 77737706",
            "20000000000, SHA512, 47863826"})
    void rfc6238AppendixB(long epochSeconds, Algorithm algorithm, String expected) {
        String seed = switch (algorithm) {
            case SHA1 -> SEED_20;
            case SHA256 -> SEED_32;
            case SHA512 -> SEED_64;
        };
        Totp totp = Totp.fromKey(seed.getBytes(StandardCharsets.US_ASCII)).withAlgorithm(algorithm).withDigits(8);

        assertThat(totp.codeAt(Instant.ofEpochSecond(epochSeconds))).isEqualTo(expected);
    }

    @Test
    void theBase32FormOfTheSeedGivesTheSameCodes() {
        // "12345678901234567890" in Base32
        Totp totp = Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").withDigits(8);

        assertThat(totp.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("07081804");
    }

    @Test
    void defaultsAreSha1SixDigitsThirtySeconds() {
        Totp totp = Totp.fromKey(SEED_20.getBytes(StandardCharsets.US_ASCII));

        assertThat(totp.getAlgorithm()).isEqualTo(Algorithm.SHA1);
        assertThat(totp.getDigits()).isEqualTo(6);
        assertThat(totp.getPeriod()).isEqualTo(Duration.ofSeconds(30));
        // the last six digits of the RFC's 8-digit code
        assertThat(totp.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void oneCodePerPeriodOnAFixedClock() {
        Totp totp = Totp.fromKey(SEED_20.getBytes(StandardCharsets.US_ASCII)).withDigits(8);
        // counter 37037036 covers [1111111080, 1111111110), counter 37037037 starts at 1111111110
        assertThat(at(totp, "2005-03-18T01:58:00Z")).isEqualTo("07081804");
        assertThat(at(totp, "2005-03-18T01:58:29.999Z")).isEqualTo("07081804");
        assertThat(at(totp, "2005-03-18T01:58:30Z")).isEqualTo("14050471");
        assertThat(at(totp, "2005-03-18T01:58:59.999Z")).isEqualTo("14050471");
        assertThat(at(totp, "2005-03-18T01:59:00Z")).isNotEqualTo("14050471");
        assertThat(totp.counterAt(Instant.parse("2005-03-18T01:58:29.999Z"))).isEqualTo(37037036);
        assertThat(totp.counterAt(Instant.parse("2005-03-18T01:58:30Z"))).isEqualTo(37037037);
    }

    @Test
    void theFirstPeriodsAfterTheEpoch() {
        Totp totp = Totp.fromKey(SEED_20.getBytes(StandardCharsets.US_ASCII)).withDigits(8);
        // counter 1 holds RFC 6238's code at 59 s, which is also RFC 4226's HOTP for counter 1
        assertThat(at(totp, "1970-01-01T00:00:29Z")).endsWith("755224");
        assertThat(at(totp, "1970-01-01T00:00:30Z")).isEqualTo("94287082");
        assertThat(at(totp, "1970-01-01T00:00:59Z")).isEqualTo("94287082");
    }

    @Test
    void anotherPeriodMovesTheBoundaries() {
        Totp totp = Totp.fromKey(SEED_20.getBytes(StandardCharsets.US_ASCII)).withPeriod(Duration.ofSeconds(60));

        assertThat(at(totp, "1970-01-01T00:00:30Z")).isEqualTo("755224");
        assertThat(at(totp, "1970-01-01T00:00:59Z")).isEqualTo("755224");
        assertThat(at(totp, "1970-01-01T00:01:00Z")).isEqualTo("287082");
    }

    @Test
    void codeAtAndCodeNowAgree() {
        Totp totp = Totp.fromKey(SEED_64.getBytes(StandardCharsets.US_ASCII)).withAlgorithm(Algorithm.SHA512);
        Instant time = Instant.parse("2026-10-05T08:15:44Z");

        assertThat(totp.withClock(Clock.fixed(time, ZoneOffset.UTC)).codeNow()).isEqualTo(totp.codeAt(time))
                .hasSize(6).containsOnlyDigits();
    }

    @Test
    void rejectsDigitsPeriodsAndTimesOutOfRange() {
        Totp totp = Totp.fromKey(SEED_20.getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> totp.withDigits(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 to 10 digits");
        assertThatThrownBy(() -> totp.withDigits(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.withPeriod(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.withPeriod(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.codeAt(Instant.ofEpochSecond(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
    }

    @Test
    void badSecretsAreNamedButNeverShown() {
        String notBase32 = "JBSWY3DPEHPK3PXP1";

        assertThatThrownBy(() -> Totp.fromBase32(notBase32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 17").hasMessageNotContaining(notBase32)
                .hasMessageNotContaining("JBSWY3DP");
        assertThatThrownBy(() -> Totp.fromBase32("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Totp.fromBase32(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Totp.fromKey(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String secret = "JBSWY3DPEHPK3PXP";
        Totp totp = Totp.fromBase32(secret);

        assertThat(totp).hasToString("Totp[SHA1, 6 digits, 30 s period]");
        assertThat(totp.toString()).doesNotContain(secret).doesNotContain("Hello");
    }

    @Test
    void theKeyIsCopied() {
        byte[] key = SEED_20.getBytes(StandardCharsets.US_ASCII);
        Totp totp = Totp.fromKey(key).withDigits(8);
        key[0] = 0;

        assertThat(totp.codeAt(Instant.ofEpochSecond(59))).isEqualTo("94287082");
    }

    private static String at(Totp totp, String instant) {
        return totp.withClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).codeNow();
    }
}
