package io.github.cameldeck.simulator.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF 1.7 showing a title, padded to an exact size by an unreferenced stream of random bytes placed last,
 * before the cross-reference table. The padding's {@code /Length} and the {@code startxref} offset are written with
 * twelve digits (leading zeros are valid PDF integers), so the bytes around the padding have the same length whatever
 * its size.
 */
final class PdfDocument {

    private static final String HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
    private static final String AFTER_PADDING = "\nendstream\nendobj\n";
    private static final int TITLE_LIMIT = 120;

    private final String head;
    private final List<Integer> offsets;

    private PdfDocument(String head, List<Integer> offsets) {
        this.head = head;
        this.offsets = offsets;
    }

    /** The smallest size a PDF with this title can have (no padding). */
    static long minimumSize(String title) {
        PdfDocument empty = layout(title, 0);
        return empty.head.length() + empty.tail(0).length();
    }

    static Pieces pieces(String title, long size, SeededBytes random) {
        long minimum = minimumSize(title);
        if (size < minimum) {
            throw new IllegalArgumentException("A PDF titled '" + title + "' needs at least " + minimum
                    + " bytes, not " + size);
        }
        long padding = size - minimum;
        PdfDocument pdf = layout(title, padding);
        long xrefOffset = pdf.head.length() + padding + AFTER_PADDING.length();
        return new FramedPieces(latin1(pdf.head), padding, random, latin1(pdf.tail(xrefOffset)));
    }

    /** Objects 1 to 5 (catalog, pages, page, font, text) and the opening of object 6, the padding stream. */
    private static PdfDocument layout(String title, long padding) {
        StringBuilder pdf = new StringBuilder(HEADER);
        List<Integer> offsets = new ArrayList<>();
        object(pdf, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
        object(pdf, offsets, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        object(pdf, offsets, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        object(pdf, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        String text = "BT /F1 14 Tf 72 720 Td (" + pdfString(title) + ") Tj ET";
        object(pdf, offsets, "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        offsets.add(pdf.length());
        pdf.append("6 0 obj\n<< /Length ").append(twelveDigits(padding)).append(" >>\nstream\n");
        return new PdfDocument(pdf.toString(), offsets);
    }

    private String tail(long xrefOffset) {
        StringBuilder pdf = new StringBuilder(AFTER_PADDING);
        pdf.append("xref\n0 ").append(offsets.size() + 1).append('\n');
        pdf.append("0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\n");
        pdf.append("startxref\n").append(twelveDigits(xrefOffset)).append("\n%%EOF");
        return pdf.toString();
    }

    private static void object(StringBuilder pdf, List<Integer> offsets, String body) {
        offsets.add(pdf.length());
        pdf.append(offsets.size()).append(" 0 obj\n").append(body).append("\nendobj\n");
    }

    private static String twelveDigits(long value) {
        return String.format("%012d", value);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The title as the inside of a PDF literal string: printable ASCII, with ( ) \ escaped. */
    private static String pdfString(String title) {
        StringBuilder out = new StringBuilder();
        String shortened = title.length() > TITLE_LIMIT ? title.substring(0, TITLE_LIMIT) : title;
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }
}
