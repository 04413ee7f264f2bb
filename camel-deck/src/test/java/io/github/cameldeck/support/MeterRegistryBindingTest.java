package io.github.cameldeck.support;

import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When camel-deck's meters are attached: only with Micrometer on the classpath and a MeterRegistry in the CamelContext's
 * registry. (WithoutMicrometerTest runs the component with Micrometer off the classpath.)
 */
class MeterRegistryBindingTest extends DeckTestSupport {

    @Test
    void attachesNoMetersWithoutAMeterRegistryInTheCamelContext() {
        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + quickTask().id(), null,
                TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(MeterRegistryBinding.bind(context, Organizations.of(context))).isFalse();
    }

    @Test
    void choosesTheRegistryNamedMetricsRegistryAmongSeveral() {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        SimpleMeterRegistry named = new SimpleMeterRegistry();
        context.getRegistry().bind("otherRegistry", other);
        context.getRegistry().bind(MeterRegistryBinding.REGISTRY_NAME, named);

        template.requestBody("deck:runTask?taskId=" + quickTask().id(), null, TaskRun.class);

        assertThat(named.get("deck.runs.started").counter().count()).isEqualTo(1);
        assertThat(other.getMeters()).isEmpty();
    }

    @Test
    void attachesNoMetersWhenMicrometerIsAbsentEvenWithARegistryBound() {
        context.getRegistry().bind("meterRegistry", new SimpleMeterRegistry());

        assertThat(MeterRegistryBinding.bind(context, Organizations.of(context), "io.micrometer.absent.MeterRegistry"))
                .isFalse();
        assertThat(MeterRegistryBinding.bind(context, Organizations.of(context))).isTrue();
    }
}
