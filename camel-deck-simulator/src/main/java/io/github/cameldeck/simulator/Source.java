package io.github.cameldeck.simulator;

import java.time.Instant;

/** A source (a website) as stored in the simulator. */
public record Source(String id, String name, String type, String url, Instant createdAt, Instant updatedAt) {

    public Source withDetails(String newName, String newUrl, Instant at) {
        return new Source(id, newName, type, newUrl, createdAt, at);
    }
}
