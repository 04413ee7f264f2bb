package io.github.cameldeck.support;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The component with Micrometer off the classpath: runs as ever, and no class of {@code io.github.cameldeck.metrics} is
 * loaded. Surefire's {@code without-micrometer} execution (camel-deck/pom.xml) runs this class alone in its own JVM with
 * micrometer-core removed from the classpath; in the default execution, where Micrometer is present, it is skipped.
 */
class WithoutMicrometerTest extends DeckTestSupport {

    @Test
    void runsATaskAndLoadsNoMetricsClass() throws Exception {
        assumeTrue(getClass().getClassLoader().getResource("io/micrometer/core/instrument/MeterRegistry.class") == null,
                "runs in surefire's without-micrometer execution only");

        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + quickTask().id(), null,
                TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThatThrownBy(() -> Class.forName(MeterRegistryBinding.REGISTRY_CLASS))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(MeterRegistryBinding.bind(context, Organizations.of(context))).isFalse();
        assertThat(loadedClasses()).contains(Organizations.class.getName())
                .doesNotContain("io.github.cameldeck.metrics.");
    }

    /** The JVM's loaded classes, as {@code jcmd VM.class_hierarchy} lists them. */
    private static String loadedClasses() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                new Object[]{null}, new String[]{String[].class.getName()});
    }
}
