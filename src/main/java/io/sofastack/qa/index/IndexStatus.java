package io.sofastack.qa.index;

import io.sofastack.qa.ingest.IngestReport;
import java.time.Instant;

/**
 * The state of the index, as served at {@code GET /api/index} and in health.
 *
 * @param state BUILDING until the first synchronisation is done, then READY; FAILED when it failed
 * @param threads threads searchable now
 * @param ingest the last read of the archive, or {@code null} before the first
 * @param sync the last synchronisation, or {@code null} before the first
 * @param updatedAt when the last synchronisation finished
 * @param error why the last synchronisation failed, or {@code null}
 */
public record IndexStatus(State state, int threads, IngestReport ingest, SyncReport sync, Instant updatedAt, String error) {

    public enum State { BUILDING, READY, FAILED }

    public boolean ready() {
        return state == State.READY;
    }
}
