package io.github.cameldeck.simulator;

import io.github.cameldeck.simulator.util.IdGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdGeneratorTest {

    @Test
    void idsArePrefixedCrockfordAndStrictlyIncreasing() {
        IdGenerator ids = new IdGenerator(7);
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            long millis = 1_773_151_500_000L + i / 100 - (i % 250 == 0 ? 5 : 0); // same ms, and going back
            String id = ids.next("trun_", millis);
            assertThat(id).matches("trun_[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void timePartIsTheMillisecond() {
        String a = new IdGenerator(1).next("x_", 1_000L);
        String b = new IdGenerator(2).next("x_", 2_000L);
        assertThat(a.substring(2, 12)).isLessThan(b.substring(2, 12));
        assertThat(a.substring(2, 12)).isEqualTo("00000000Z8");
    }
}
