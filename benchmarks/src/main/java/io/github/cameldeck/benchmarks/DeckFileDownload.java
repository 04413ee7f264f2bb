package io.github.cameldeck.benchmarks;

import java.nio.file.Path;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * camel-deck's side of the download benchmark: the route
 * {@code from("direct:go").to("deck:downloadStorage?storageId=...").to("file:<dir>?fileName=<name>")}, with the
 * default options (the file read whole first, beyond the spool threshold into a temporary file), or streamed
 * ({@code disableStreamCache=true} and {@code .streamCache("false")} on the route). The warm-up names its item in the
 * header {@code CamelDeckStorageId}, which takes precedence over the URI's {@code storageId}.
 */
final class DeckFileDownload implements FileDownload {

    private final CamelContext context;
    private final ProducerTemplate template;

    DeckFileDownload(String baseUrl, String apiKey, String storageId, Path target, boolean streamed)
            throws Exception {
        context = Contexts.deckUnpaced(baseUrl, apiKey);
        String deck = "deck:downloadStorage?storageId=" + storageId + (streamed ? "&disableStreamCache=true" : "");
        Path dir = target.toAbsolutePath().getParent();
        String file = "file:" + dir + "?fileName=" + target.getFileName();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from("direct:go").routeId("download");
                if (streamed) {
                    route.streamCache("false");
                }
                route.to(deck).to(file);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    public void warmUp(String otherId) throws Exception {
        send(otherId);
    }

    @Override
    public void download() throws Exception {
        send(null);
    }

    private void send(String storageId) throws Exception {
        Exchange done = template.send("direct:go", exchange -> {
            if (storageId != null) {
                exchange.getIn().setHeader(DeckConstants.STORAGE_ID, storageId);
            }
        });
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
