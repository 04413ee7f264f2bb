package io.github.cameldeck.reliability;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.cameldeck.DeckComponent;
import org.apache.camel.main.Main;

/**
 * What the JVMs the reliability runs kill share: a Camel Main whose deck component points at the test's simulator, and
 * a line written to a file that survives the kill.
 */
final class ChildProcess {

    private ChildProcess() {
    }

    /** A Camel Main with the deck component on {@code baseUrl}, unpaced: the simulators of these runs have no limit. */
    static Main mainWithDeck(String baseUrl, String apiKey) {
        Main main = new Main();
        DeckComponent deck = new DeckComponent();
        deck.getConfiguration().setApiKey(apiKey);
        deck.getConfiguration().setBaseUrl(baseUrl);
        deck.setRateLimit(0);
        main.bind("deck", deck);
        return main;
    }

    /** Appends {@code line} and a newline to {@code file}, synced to disk before it returns: a SIGKILL cannot lose it. */
    static void appendSynced(File file, String line) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file, true)) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
    }
}
