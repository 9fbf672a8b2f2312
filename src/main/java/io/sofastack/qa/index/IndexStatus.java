package io.sofastack.qa.index;

import io.sofastack.qa.ingest.IngestReport;
import java.time.Instant;

/**
 * The state of the index, as served at {@code GET /api/index} and in health.
 *
 * @param state READY when there is a committed index to search (from this run or the last one),
 *        BUILDING until the first one is built, FAILED when building it failed
 * @param synchronizing whether the archive is being read and the index brought in line with it right now
 * @param passages passages searchable now
 * @param ingest the last read of the archive, or {@code null} before the first
 * @param sync the last synchronisation, or {@code null} before the first
 * @param updatedAt when the last synchronisation finished
 * @param error why the last synchronisation failed or was refused, or {@code null}; the last committed
 *        index is still served
 */
public record IndexStatus(State state, boolean synchronizing, int passages, IngestReport ingest, SyncReport sync, Instant updatedAt, String error) {

    /** Whether the index serves, but the last synchronisation did not bring it in line with the knowledge. */
    public boolean degraded() {
        return error != null;
    }

    public enum State { BUILDING, READY, FAILED }

    IndexStatus synchronizing(boolean now) {
        return new IndexStatus(state, now, passages, ingest, sync, updatedAt, error);
    }

    public boolean ready() {
        return state == State.READY;
    }
}
