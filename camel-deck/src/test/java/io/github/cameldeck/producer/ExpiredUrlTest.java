package io.github.cameldeck.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed URL that expired between the listing and the download (the simulator's clock moved past its TTL): the item
 * is read again for a fresh URL, once, and the file arrives.
 */
class ExpiredUrlTest extends DeckTestSupport {

    private static final Duration TTL = Duration.ofMinutes(15);

    @RegisterExtension
    static DeckSimulatorExtension manual = DeckSimulatorExtension.create(b -> b.rateLimit(0, Duration.ZERO)
            .clock(SimulatorClock.manual(Instant.now())).storageUrlTtl(TTL));

    @Override
    protected DeckSimulator sim() {
        return manual.simulator();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download")
                        .to("deck:downloadStorage")
                        .setHeader("bytes", simple("${bodyAs(byte[]).length}"));
            }
        };
    }

    @Test
    void anExpiredUrlIsRenewedOnceAndTheFileArrives() {
        Task task = task("Statement", Scenario.completesAfter(Duration.ofSeconds(5))
                .withQueueTime(Duration.ofSeconds(1))
                .withFiles(List.of(StorageFile.csv("march.csv", 12_000))));
        String runId = sim().startRun(task.id(), Map.of()).id();
        sim().advance(Duration.ofSeconds(10));
        List<?> items = template.requestBodyAndHeader("deck:listStorage", null, DeckConstants.RUN_ID, runId,
                List.class);
        StorageItem listed = (StorageItem) items.get(0);

        sim().advance(TTL.plusSeconds(1));
        Exchange out = template.request("direct:download", e -> e.getIn().setBody(listed));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("bytes", Long.class)).isEqualTo(12_000);
        assertThat(sim().stats().downloads().expired()).as("the listed URL had expired").isEqualTo(1);
        assertThat(sim().stats().requests("GET /v2/storage/{id}")).as("read again once").isEqualTo(1);
        assertThat(sim().stats().downloads().completed()).isEqualTo(1);
    }
}
