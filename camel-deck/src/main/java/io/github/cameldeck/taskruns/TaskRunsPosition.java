package io.github.cameldeck.taskruns;

import java.time.Instant;

/**
 * Where a taskRuns (or storageItems) consumer stands, read without stopping it (for the dev console).
 *
 * @param catchUpDone    whether the start-up catch-up has read its last page (true when nothing needs catching up)
 * @param watermark      the oldest time its event feeds have read Deck's event log up to, less the overlap; null
 *                       before its feeds exist (a consumer with externalId creates them on its first poll)
 * @param backlog        runs found but not yet handed to the route at the end of the last poll (maxMessagesPerPoll)
 * @param retriesPending runs whose exchange failed, offered again on the next poll
 * @param lastPoll       when the last poll began; null before the first
 */
public record TaskRunsPosition(boolean catchUpDone, Instant watermark, int backlog, int retriesPending,
        Instant lastPoll) {
}
