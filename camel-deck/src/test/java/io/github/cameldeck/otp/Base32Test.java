package io.github.cameldeck.otp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4648 Base32 as authenticator apps show secrets. */
class Base32Test {

    /** RFC 4648 section 10, with and without the padding. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MY======, f",
            "MY, f",
            "MZXQ====, fo",
            "MZXW6===, foo",
            "MZXW6YQ=, foob",
            "MZXW6YTB, fooba",
            "MZXW6YTBOI======, foobar",
            "MZXW6YTBOI, foobar"})
    void rfc4648Vectors(String encoded, String decoded) {
        assertThat(text(Base32.decode(encoded))).isEqualTo(decoded);
    }

    @Test
    void lowerCaseAndSpacesAsAppsShowThem() {
        String expected = "12345678901234567890";

        assertThat(text(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))).isEqualTo(expected);
        assertThat(text(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"))).isEqualTo(expected);
        assertThat(text(Base32.decode("  GezdGnbv\tgy3tQOJQ gezdgnbvgy3tqojq\n"))).isEqualTo(expected);
    }

    @Test
    void badCharactersAreNamedByPositionNotValue() {
        assertThatThrownBy(() -> Base32.decode("MZXW6YT8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 8").hasMessageNotContaining("MZXW");
        // 0, 1, 8 and 9 are not Base32 digits; a position counts the spaces as given
        assertThatThrownBy(() -> Base32.decode("mzxw 0ytb")).hasMessageContaining("position 6");
        assertThatThrownBy(() -> Base32.decode("MZXW-6YTB")).hasMessageContaining("position 5");
        assertThatThrownBy(() -> Base32.decode("MZ=XW6YTB")).as("padding in the middle")
                .hasMessageContaining("position 4");
    }

    @Test
    void emptyAndTooShortSecrets() {
        assertThatThrownBy(() -> Base32.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Base32.decode("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Base32.decode("M=======")).hasMessageContaining("no whole byte");
        assertThatThrownBy(() -> Base32.decode("========")).hasMessageContaining("no whole byte");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
