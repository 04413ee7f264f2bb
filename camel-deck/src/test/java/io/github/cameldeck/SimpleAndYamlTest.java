package io.github.cameldeck;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A YAML route reads the run with Simple and jsonpath, without casts. */
class SimpleAndYamlTest extends DeckTestSupport {

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "classpath:routes/deck-simple.camel.yaml"));
    }

    @Test
    void readsOutputAndStatus() {
        Task task = task("Amounts", Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10))
                .withOutput(Map.of("amount", 812.4)));

        Exchange out = template.request("direct:yaml-output",
                e -> e.getIn().setHeader(DeckConstants.TASK_ID, task.id()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("status")).hasToString("completed");
        assertThat(out.getMessage().getHeader("amount", String.class)).isEqualTo("812.4");
    }

    @Test
    void readsTheInteraction() {
        Task task = task("Mfa", Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10))
                .withInteraction(Interaction.mfa("123456")));

        Exchange out = template.request("direct:yaml-interaction",
                e -> e.getIn().setHeader(DeckConstants.TASK_ID, task.id()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("firstField")).isEqualTo("code");
        assertThat(out.getMessage().getHeader("needsCode")).isEqualTo("yes");
    }
}
