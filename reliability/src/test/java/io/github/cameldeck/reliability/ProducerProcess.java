package io.github.cameldeck.reliability;

import java.io.File;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The producing JVM of the producer crash run: a camel-file inbox (the durable input: a file is deleted only when its
 * exchange completes) feeding deck:runTask. After Deck's answer it writes "file run-id" to the answers file (synced),
 * then holds the exchange 200 ms before the file is acknowledged, so that a kill lands between the two. Arguments: base
 * URL, API key, task id, inbox folder, answers file, key mode ({@code business}: the Idempotency-Key from the file's
 * name, the guide's crash-safe recipe; {@code default}: the component's key, derived from the exchange id).
 */
public final class ProducerProcess {

    private ProducerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        String taskId = args[2];
        File inbox = new File(args[3]);
        File answers = new File(args[4]);
        boolean businessKey = "business".equals(args[5]);
        Main main = ChildProcess.mainWithDeck(baseUrl, apiKey);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from("file:" + inbox + "?delete=true&readLock=none&delay=20&sortBy=file:name")
                        .convertBodyTo(String.class);
                if (businessKey) {
                    route.setHeader(DeckConstants.IDEMPOTENCY_KEY, simple("order-${file:onlyname.noext}"));
                }
                route.to("deck:runTask?taskId=" + taskId)
                        .process(e -> {
                            ChildProcess.appendSynced(answers,
                                    e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class) + " "
                                            + e.getIn().getHeader(DeckConstants.RUN_ID, String.class));
                            Thread.sleep(200);
                        });
            }
        });
        main.run();
    }
}
