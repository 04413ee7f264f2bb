package io.github.cameldeck.otp;

/**
 * A text gave no one-time code: no number a code keyword names, or two different ones named equally plainly. The
 * message gives the text's length only, never the text, which may hold a code.
 */
public class DeckOneTimeCodeNotFoundException extends RuntimeException {

    private final int textLength;

    public DeckOneTimeCodeNotFoundException(int textLength) {
        super("No one-time code found in the text (" + textLength + " characters): no number next to a code keyword,"
                + " or two different ones equally plausible");
        this.textLength = textLength;
    }

    /** The length of the text searched, in characters. */
    public int getTextLength() {
        return textLength;
    }
}
