package io.github.cameldeck.client;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckDownloadException;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The downloader against the simulator's file host: refusals, renewals and what its messages show of a URL. */
class FileDownloaderTest extends DeckTestSupport {

    private static final FileDownloader.Sink<byte[]> BYTES = (body, answer) -> {
        try (answer) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.transferTo(out);
            return out.toByteArray();
        }
    };

    private DeckClient client() {
        return context.getEndpoint("deck:getStorage", DeckEndpoint.class).getClient();
    }

    private StorageItem storedItem() {
        var task = task("Statement",
                Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10))
                        .withFiles(List.of(StorageFile.csv("march.csv", 5_000))));
        String runId = sim().startRun(task.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        return client().getStorage(sim().taskRun(runId).storage().get(0).id()).join();
    }

    private static StorageItem withBadSignature(StorageItem item) {
        StorageItem copy = new StorageItem();
        copy.setId(item.getId());
        copy.setFileSize(item.getFileSize());
        copy.setUrl(item.getUrl().replaceAll("signature=[0-9a-f]+", "signature=00"));
        return copy;
    }

    @Test
    void aUrlRefusedAgainAfterItsRenewalIsNamedWithoutItsQuery() {
        StorageItem item = storedItem();
        StorageItem refused = withBadSignature(item);

        CompletableFuture<?> download = client().files().download(item.getId(), refused,
                () -> CompletableFuture.completedFuture(withBadSignature(item)), BYTES);

        assertThatThrownBy(download::join).isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(DeckDownloadException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The storage host refused the signed URL of " + item.getId()
                            + " (" + SignedUrls.withoutQuery(item.getUrl()) + ") again after a fresh one was read "
                            + "from Deck: HTTP 403 SignatureDoesNotMatch: The request signature we calculated does not "
                            + "match the signature you provided. Check your key and signing method.");
                    assertThat(e.getHttpResponseCode()).isEqualTo(403);
                    assertThat(e.getFile()).isEqualTo(item.getId());
                });
        assertThat(sim().stats().downloads().badSignature()).isEqualTo(2);
    }

    @Test
    void anUnknownFileIsNotTriedAgain() {
        StorageItem item = storedItem();
        sim().reset();
        long before = sim().stats().downloads().requests();

        CompletableFuture<?> download = client().files().download(item.getId(), item,
                () -> CompletableFuture.completedFuture(item), BYTES);

        assertThatThrownBy(download::join).cause()
                .isInstanceOf(DeckDownloadException.class)
                .hasMessageStartingWith("The storage host answered HTTP 404 NoSuchKey");
        assertThat(sim().stats().downloads().requests() - before).isEqualTo(1);
    }

    @Test
    void aUrlIsShownWithoutItsQuery() {
        assertThat(SignedUrls.withoutQuery("https://files.example.com:8443/a/b.pdf?X-Amz-Signature=abc&exp=1"))
                .isEqualTo("https://files.example.com:8443/a/b.pdf");
        assertThat(SignedUrls.withoutQuery("not a url ?sig=1")).isEqualTo("(not a URL)");
        assertThat(SignedUrls.withoutQuery(null)).isEqualTo("(no URL)");
    }
}
