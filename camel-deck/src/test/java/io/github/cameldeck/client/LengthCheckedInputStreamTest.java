package io.github.cameldeck.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body is checked against the file's size at its end: short is an error, never a silently short file. */
class LengthCheckedInputStreamTest {

    private static InputStream body(int bytes, long expected) {
        return new LengthCheckedInputStream(new ByteArrayInputStream(new byte[bytes]), expected);
    }

    @Test
    void aBodyOfTheFilesSizeEndsNormally() throws IOException {
        try (InputStream in = body(1000, 1000)) {
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(1000);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aBodyShorterThanTheFileFailsAtItsEnd() {
        InputStream in = body(700, 1000);

        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessage("the body ended after 700 of 1000 bytes");
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        InputStream in = body(2, 3);
        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThatThrownBy(in::read).hasMessage("the body ended after 2 of 3 bytes");
    }

    @Test
    void anUnknownSizeIsNotChecked() throws IOException {
        try (InputStream in = body(10, -1)) {
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(10);
        }
    }
}
