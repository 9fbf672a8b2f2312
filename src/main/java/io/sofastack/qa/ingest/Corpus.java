package io.sofastack.qa.ingest;

import java.util.List;

/** The threads of one read of the archive, and the report of that read. */
public record Corpus(List<QaThread> threads, IngestReport report) {

    public Corpus {
        threads = List.copyOf(threads);
    }
}
