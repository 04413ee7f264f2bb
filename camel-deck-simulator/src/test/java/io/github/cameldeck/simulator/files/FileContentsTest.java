package io.github.cameldeck.simulator.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated files: exact sizes (around the 64 KiB block edges too), valid structure, same bytes each time. */
class FileContentsTest {

    private static byte[] bytes(String key, String type, String name, long size) {
        try (InputStream in = FileContents.open(key, type, name, size)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<Long> sizesAround(long minimum) {
        List<Long> sizes = new ArrayList<>(List.of(minimum, minimum + 1, minimum + 11, minimum + 12, minimum + 13,
                200_000L));
        for (long delta = -14; delta <= 14; delta++) {
            sizes.add(Math.max(minimum, 65_536 + minimum + delta));
            sizes.add(Math.max(minimum, 2 * 65_536 + delta));
        }
        return sizes;
    }

    @Test
    void pdfIsAOnePageDocumentWhoseCrossReferencesPointAtItsObjects() {
        long minimum = FileContents.minimumSize(FileContents.PDF, "statement.pdf");
        for (long size : sizesAround(minimum)) {
            String pdf = latin1(bytes("stor_1", FileContents.PDF, "statement.pdf", size));
            assertThat((long) pdf.length()).isEqualTo(size);
            assertThat(pdf).startsWith("%PDF-1.7\n").endsWith("%%EOF").contains("(statement.pdf) Tj",
                    "/Type /Pages /Kids [3 0 R] /Count 1");
            int startxref = pdf.lastIndexOf("startxref\n");
            int xref = Integer.parseInt(pdf.substring(startxref + 10, pdf.lastIndexOf("\n%%EOF")));
            assertThat(pdf.substring(xref)).startsWith("xref\n0 7\n0000000000 65535 f \n");
            String[] entries = pdf.substring(xref).split("\n");
            for (int object = 1; object <= 6; object++) {
                int offset = Integer.parseInt(entries[2 + object].substring(0, 10));
                assertThat(pdf.substring(offset)).startsWith(object + " 0 obj\n");
            }
            int paddingStart = pdf.indexOf("stream\n", pdf.indexOf("6 0 obj")) + 7;
            long declared = Long.parseLong(pdf.substring(pdf.indexOf("/Length ", pdf.indexOf("6 0 obj")) + 8,
                    paddingStart - " >>\nstream\n".length()));
            assertThat(pdf.substring((int) (paddingStart + declared))).startsWith("\nendstream\nendobj\nxref");
        }
    }

    @Test
    void pdfTitlesAreEscaped() {
        String name = "a (b) \\ ü.pdf";
        String pdf = latin1(bytes("k", FileContents.PDF, name, FileContents.minimumSize(FileContents.PDF, name)));
        assertThat(pdf).contains("(a \\(b\\) \\\\ ?.pdf) Tj");
    }

    @Test
    void csvIsATransactionsTableWithARunningBalance() {
        for (long size : sizesAround(FileContents.minimumSize(FileContents.CSV, "t.csv"))) {
            String csv = new String(bytes("stor_2", FileContents.CSV, "t.csv", size), StandardCharsets.US_ASCII);
            assertThat((long) csv.length()).isEqualTo(size);
            assertThat(csv).startsWith("date,description,amount,currency,balance\n").endsWith("\n");
            String[] lines = csv.split("\n");
            assertThat(lines.length).isGreaterThanOrEqualTo(2);
            long balance = 152_033;
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(",", -1);
                assertThat(fields).as(lines[i]).hasSize(5);
                assertThat(fields[0]).matches("2026-\\d\\d-\\d\\d");
                assertThat(fields[3]).isEqualTo("USD");
                balance += cents(fields[2]);
                assertThat(cents(fields[4])).as(lines[i]).isEqualTo(balance);
            }
        }
    }

    private static long cents(String money) {
        return Math.round(Double.parseDouble(money) * 100);
    }

    @Test
    void pngIsASignatureAndChunksWithValidChecksumsFromIhdrToIend() {
        for (long size : sizesAround(FileContents.minimumSize(FileContents.PNG, "r.png"))) {
            ByteBuffer png = ByteBuffer.wrap(bytes("trun_1/1", FileContents.PNG, "r.png", size));
            assertThat((long) png.remaining()).isEqualTo(size);
            byte[] signature = new byte[8];
            png.get(signature);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
            List<String> types = new ArrayList<>();
            while (png.hasRemaining()) {
                int length = png.getInt();
                byte[] typeAndData = new byte[4 + length];
                png.get(typeAndData);
                CRC32 crc = new CRC32();
                crc.update(typeAndData);
                assertThat(png.getInt()).isEqualTo((int) crc.getValue());
                String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
                if (type.equals("IHDR")) {
                    ByteBuffer ihdr = ByteBuffer.wrap(typeAndData, 4, length);
                    assertThat(ihdr.getInt()).isEqualTo(16);
                    assertThat(ihdr.getInt()).isEqualTo(16);
                }
                types.add(type);
            }
            assertThat(types.get(0)).isEqualTo("IHDR");
            assertThat(types.get(1)).isEqualTo("IDAT");
            assertThat(types.get(types.size() - 1)).isEqualTo("IEND");
            assertThat(types.subList(2, types.size() - 1)).isNotEmpty().containsOnly("deCk");
        }
    }

    @Test
    void otherTypesAreRandomBytesOfTheSize() {
        assertThat(bytes("stor_3", "video/mp4", "v.mp4", 70_000)).hasSize(70_000);
        assertThat(bytes("stor_3", "video/mp4", "v.mp4", 0)).isEmpty();
    }

    @Test
    void theSameKeyGivesTheSameBytesAndAnotherKeyOthers() {
        byte[] first = bytes("stor_A", FileContents.PDF, "s.pdf", 100_000);
        assertThat(bytes("stor_A", FileContents.PDF, "s.pdf", 100_000)).isEqualTo(first);
        assertThat(bytes("stor_B", FileContents.PDF, "s.pdf", 100_000)).isNotEqualTo(first);
    }

    @Test
    void sizesBelowTheMinimumAreRefused() {
        long minimum = FileContents.minimumSize(FileContents.PNG, "r.png");
        assertThatThrownBy(() -> FileContents.open("k", FileContents.PNG, "r.png", minimum - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
