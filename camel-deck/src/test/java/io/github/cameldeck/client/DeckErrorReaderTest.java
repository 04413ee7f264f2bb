package io.github.cameldeck.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.cameldeck.DeckApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeckErrorReaderTest {

    private static final String KEY = "sk_live_secret_123";
    private final DeckErrorReader reader = new DeckErrorReader(KEY);
    private final DeckRequest request = DeckRequest.post("/tasks/task_1/run", new byte[0], "k1");

    private static DeckResponse response(int status, String body, String contentType) {
        return new DeckResponse(status, body.getBytes(StandardCharsets.UTF_8), contentType, -1, null);
    }

    private static String example(String name) throws IOException {
        try (InputStream in = DeckErrorReaderTest.class.getResourceAsStream("/deck-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryErrorOfTheEnvelope() throws IOException {
        DeckApiException e = reader.fromResponse(request,
                response(400, example("error_validation_400.json"), "application/json"), 0);

        assertThat(e.getHttpResponseCode()).isEqualTo(400);
        assertThat(e.getErrors()).isNotEmpty();
        assertThat(e.getErrorType()).isEqualTo("request");
        assertThat(e.getRequestId()).startsWith("req_");
        assertThat(e.getMessage()).startsWith("Deck answered HTTP 400 to POST /tasks/task_1/run: request/")
                .contains("[request_id req_");
    }

    @Test
    void describesAProxysHtmlPage() {
        DeckApiException e = reader.fromResponse(request, response(502,
                "<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>",
                "text/html"), 3);

        assertThat(e.getHttpResponseCode()).isEqualTo(502);
        assertThat(e.getErrors()).isEmpty();
        assertThat(e.getMessage()).isEqualTo(
                "Deck answered HTTP 502 to POST /tasks/task_1/run (text/html): 502 Bad Gateway nginx (gave up after 3 retries)");
    }

    @Test
    void describesAProblemDetailsBody() {
        DeckApiException e = reader.fromResponse(request, response(400,
                "{\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"input.month\":[\"required\"]}}",
                "application/problem+json"), 0);

        assertThat(e.getMessage())
                .isEqualTo("Deck answered HTTP 400 to POST /tasks/task_1/run: One or more validation errors "
                        + "occurred.; input.month: [\"required\"]");
    }

    @Test
    void describesAnEmptyBodyAndTruncatedJson() {
        assertThat(reader.fromResponse(request, response(503, "", null), 0).getMessage())
                .isEqualTo("Deck answered HTTP 503 to POST /tasks/task_1/run and an empty body");
        assertThat(
                reader.unreadableSuccess(request, response(201, "{\"id\":\"trun_1\",\"sta", "application/json"), null,
                        0)
                        .getMessage())
                .startsWith(
                        "Deck answered HTTP 201 to POST /tasks/task_1/run with a body that is not the expected JSON "
                                + "(application/json): {\"id\":\"trun_1\",\"sta");
    }

    @Test
    void neverShowsTheKey() {
        DeckApiException e = reader.fromResponse(request, response(401, "<p>bad token " + KEY + "</p>", "text/html"),
                0);
        DeckApiException network = reader.fromNetworkError(request, new SocketTimeoutException("timeout for " + KEY),
                2);

        for (DeckApiException ex : List.of(e, network)) {
            assertThat(ex.getMessage()).doesNotContain(KEY).contains("xxxxxx");
        }
        assertThat(network.getHttpResponseCode()).isZero();
        assertThat(network.getMessage()).contains("could not be reached").contains("SocketTimeoutException");
    }
}
