package io.github.cameldeck.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baseline of the download benchmark, what a user would write without camel-deck: the JDK HttpClient reads the
 * item ({@code GET /v2/storage/{id}}, for a fresh signed URL), then GETs the URL with {@code BodyHandlers.ofFile}.
 */
final class JdkFileDownload implements FileDownload {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final String authorization;
    private final String storageId;
    private final Path target;

    JdkFileDownload(String baseUrl, String apiKey, String storageId, Path target) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.storageId = storageId;
        this.target = target;
    }

    @Override
    public void warmUp(String otherId) throws IOException, InterruptedException {
        fetch(otherId);
    }

    @Override
    public void download() throws IOException, InterruptedException {
        fetch(storageId);
    }

    private void fetch(String id) throws IOException, InterruptedException {
        HttpRequest read = HttpRequest.newBuilder(URI.create(baseUrl + "/storage/" + id))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> item = http.send(read, HttpResponse.BodyHandlers.ofByteArray());
        if (item.statusCode() != 200) {
            throw new IOException("GET /storage/" + id + ": HTTP " + item.statusCode());
        }
        JsonNode url = mapper.readTree(item.body()).get("url");
        // the signed URL goes to the file host without the API key
        HttpRequest get = HttpRequest.newBuilder(URI.create(url.asText())).GET().build();
        HttpResponse<Path> file = http.send(get, HttpResponse.BodyHandlers.ofFile(target));
        if (file.statusCode() != 200) {
            throw new IOException("GET of the signed URL of " + id + ": HTTP " + file.statusCode());
        }
    }

    @Override
    public void close() {
        // the JDK client has no close on Java 17
    }
}
