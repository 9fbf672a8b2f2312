package io.sofastack.qa.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one read of the archive found.
 *
 * @param filesRead Markdown files read successfully (with or without Q&amp;A)
 * @param postsWithThreads files that gave at least one thread
 * @param threads threads found
 * @param skipped files skipped, counted by reason
 * @param tookMs how long reading and parsing took
 */
public record IngestReport(int filesRead, int postsWithThreads, int threads, Map<SkipReason, Integer> skipped, long tookMs) {

    public IngestReport {
        skipped = Map.copyOf(skipped);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skip counts in a stable order, for logs. */
    public Map<SkipReason, Integer> skippedSorted() {
        return new TreeMap<>(skipped);
    }

    /** Why a file was not read. */
    public enum SkipReason { UNREADABLE, EMPTY, TOO_LARGE, BINARY, NOT_UTF8, MISSING_PATH }
}
