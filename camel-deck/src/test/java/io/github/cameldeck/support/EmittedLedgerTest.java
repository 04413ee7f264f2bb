package io.github.cameldeck.support;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmittedLedgerTest {

    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(10);
    private final EmittedLedger ledger = new EmittedLedger(repository, false);

    @Test
    void aKeyIsClaimedOnceUntilItsExchangeEnds() {
        assertThat(ledger.claim("trun_1:completed")).isTrue();
        assertThat(ledger.claim("trun_1:completed")).as("being routed").isFalse();
        assertThat(ledger.contains("trun_1:completed")).isTrue();
        assertThat(repository.contains("trun_1:completed")).as("not recorded before it succeeded").isFalse();
    }

    @Test
    void aSuccessRecordsTheKeyForGood() {
        ledger.claim("evt_1");
        ledger.recordEmitted("evt_1");
        assertThat(repository.contains("evt_1")).isTrue();
        assertThat(ledger.claim("evt_1")).as("emitted").isFalse();
    }

    @Test
    void aFailureReleasesTheKeyToBeOfferedAgain() {
        ledger.claim("evt_1");
        ledger.release("evt_1");
        assertThat(ledger.contains("evt_1")).isFalse();
        assertThat(ledger.claim("evt_1")).isTrue();
    }

    @Test
    void closingStopsOnlyARepositoryTheLedgerOwns() throws Exception {
        MemoryIdempotentRepository owned = new MemoryIdempotentRepository();
        owned.start();
        repository.start();
        new EmittedLedger(owned, true).close();
        ledger.close();
        assertThat(owned.isStopped()).isTrue();
        assertThat(((MemoryIdempotentRepository) repository).isStarted()).isTrue();
    }
}
