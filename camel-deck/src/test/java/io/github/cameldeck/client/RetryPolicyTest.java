package io.github.cameldeck.client;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, 1000, 30_000);

    @Test
    void retriesOnlyWhatMaySucceedLater() {
        for (int status : new int[]{500, 502, 503, 504}) {
            assertThat(RetryPolicy.isRetryableStatus(status)).as(String.valueOf(status)).isTrue();
        }
        // 429 is Deck's limits: waited out by the call (rateLimitTimeout, sessionLimitTimeout), never counted
        for (int status : new int[]{400, 401, 403, 404, 409, 422, 429, 501}) {
            assertThat(RetryPolicy.isRetryableStatus(status)).as(String.valueOf(status)).isFalse();
        }
        assertThat(policy.canRetry(4)).isTrue();
        assertThat(policy.canRetry(5)).isFalse();
    }

    @RepeatedTest(20)
    void waitsARandomTimeUpToADoublingCeilingCappedAt30s() {
        assertThat(policy.delayMs(0, -1)).isBetween(0L, 1000L);
        assertThat(policy.delayMs(2, -1)).isBetween(0L, 4000L);
        assertThat(policy.delayMs(10, -1)).isBetween(0L, 30_000L);
        assertThat(policy.delayMs(62, -1)).isBetween(0L, 30_000L);
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(policy.delayMs(0, 7000)).isEqualTo(7000);
        assertThat(policy.delayMs(0, 120_000)).isEqualTo(30_000);
        assertThat(DeckHttpTransport.parseRetryAfter("12")).isEqualTo(12_000);
        assertThat(DeckHttpTransport.parseRetryAfter("soon")).isEqualTo(-1);
    }

    @Test
    void refusesNegativeRetries() {
        assertThatThrownBy(() -> new RetryPolicy(-1, 1000, 30_000))
                .hasMessageContaining("maxRetries must be 0 or more");
    }

    @Test
    void sessionLimitWaitsGrowWithoutHammering() {
        for (int tries = 0; tries < 10; tries++) {
            long ceiling = Math.min(30_000, 1000L << tries);
            assertThat(policy.sessionDelayMs(tries)).as("try " + tries).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void limitTimeoutsMustNotBeNegative() {
        assertThatThrownBy(() -> new RetryPolicy(5, 1000, 30_000, -1, 0))
                .hasMessageContaining("The rateLimitTimeout option must not be negative");
        assertThatThrownBy(() -> new RetryPolicy(5, 1000, 30_000, 0, -1))
                .hasMessageContaining("The sessionLimitTimeout option must not be negative");
    }
}
