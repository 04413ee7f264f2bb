package io.github.cameldeck.reliability;

import java.io.File;

import io.github.cameldeck.model.TaskRun;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * The consuming JVM of the restart run: deck:taskRuns with a file repository, writing each emitted run id to a file
 * (synced) before its exchange completes. Arguments: base URL, API key, repository file, output file.
 */
public final class ConsumerProcess {

    private ConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        File repositoryFile = new File(args[2]);
        File output = new File(args[3]);
        Main main = ChildProcess.mainWithDeck(baseUrl, apiKey);
        main.bind("deckRepository", FileIdempotentRepository.fileIdempotentRepository(repositoryFile, 100_000));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=200&pageSize=20&idempotentRepository=#deckRepository")
                        .process(e -> ChildProcess.appendSynced(output, e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        main.run();
    }
}
