package io.sofastack.qa.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one read of the knowledge found.
 *
 * @param filesRead Markdown files read successfully (with or without knowledge in them)
 * @param postsWithThreads weekly posts that gave at least one Q&amp;A thread
 * @param threads Q&amp;A threads found
 * @param docPages documentation pages that gave at least one section
 * @param docSections sections of documentation pages
 * @param articles technical articles that gave at least one section
 * @param articleSections sections of articles
 * @param skipped files skipped, counted by reason
 * @param problems configured paths that are missing, cannot be listed or yield no passage: a read with
 *        a problem is not a picture of the knowledge to bring the index in line with
 * @param tookMs how long reading and parsing took
 */
public record IngestReport(int filesRead, int postsWithThreads, int threads, int docPages, int docSections,
                           int articles, int articleSections, Map<SkipReason, Integer> skipped, List<String> problems,
                           long tookMs) {

    public IngestReport {
        skipped = Map.copyOf(skipped);
        problems = List.copyOf(problems);
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
