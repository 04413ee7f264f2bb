package io.github.cameldeck.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathTemplateTest {

    @Test
    void replacesIdsAndKeepsDecksNames() {
        assertThat(PathTemplate.of("/tasks/task_01JQ7ZM8/run")).isEqualTo("/tasks/{id}/run");
        assertThat(PathTemplate.of("/task-runs/trun_1/interaction")).isEqualTo("/task-runs/{id}/interaction");
        assertThat(PathTemplate.of("/task-runs")).isEqualTo("/task-runs");
        assertThat(PathTemplate.of("/event-destinations/evtd_1")).isEqualTo("/event-destinations/{id}");
        assertThat(PathTemplate.of("/storage/stor_1?x=1")).isEqualTo("/storage/{id}");
    }

    @Test
    void givesWhatItDoesNotKnowTheSameTagValue() {
        assertThat(PathTemplate.of("/whatever/sk_live_secret")).isEqualTo("/{id}/{id}");
        assertThat(PathTemplate.of("")).isEqualTo("/");
        assertThat(PathTemplate.of("/")).isEqualTo("/");
    }
}
