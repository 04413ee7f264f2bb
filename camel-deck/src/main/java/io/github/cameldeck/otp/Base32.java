package io.github.cameldeck.otp;

/**
 * Decodes RFC 4648 Base32 as authenticator apps show a secret: letters in either case, spaces anywhere, and {@code =}
 * padding at the end. Bits left over after the last whole byte are dropped, as authenticator apps do. Error messages
 * name the position of a bad character (1-based, in the text as given), never the character, since the text is a
 * secret.
 */
final class Base32 {

    private Base32() {
    }

    /** @throws IllegalArgumentException when the text is empty, has a character outside A–Z, 2–7, or decodes to nothing */
    static byte[] decode(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The Base32 secret is empty");
        }
        byte[] out = new byte[text.length() * 5 / 8];
        int length = 0;
        int buffer = 0;
        int bits = 0;
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == '=') {
                padding = true;
                continue;
            }
            int value = valueOf(c);
            if (value < 0 || padding) {
                throw new IllegalArgumentException("The Base32 secret has a character that is not Base32 at position "
                        + (i + 1) + " (Base32 uses A-Z and 2-7, with = only as padding at the end)");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[length++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        if (length == 0) {
            throw new IllegalArgumentException("The Base32 secret is too short: it decodes to no whole byte");
        }
        byte[] key = new byte[length];
        System.arraycopy(out, 0, key, 0, length);
        return key;
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
