package io.github.cameldeck.client;

/**
 * What one endpoint sends its calls with: where, with which key, and how long a call may take.
 */
public record DeckClientSettings(String baseUrl, String apiKey, long connectTimeoutMs, long requestTimeoutMs) {

    @Override
    public String toString() {
        return "DeckClientSettings[baseUrl=" + baseUrl + ", apiKey=xxxxxx, connectTimeoutMs=" + connectTimeoutMs
                + ", requestTimeoutMs=" + requestTimeoutMs + "]";
    }
}
