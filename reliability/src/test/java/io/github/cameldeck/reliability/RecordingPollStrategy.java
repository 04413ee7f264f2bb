package io.github.cameldeck.reliability;

import java.util.List;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/** Records every failed poll, then lets Camel handle it as usual. */
final class RecordingPollStrategy extends DefaultPollingConsumerPollStrategy {

    private final List<Throwable> errors;

    RecordingPollStrategy(List<Throwable> errors) {
        this.errors = errors;
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) throws Exception {
        errors.add(e);
        return super.rollback(consumer, endpoint, retryCounter, e);
    }
}
