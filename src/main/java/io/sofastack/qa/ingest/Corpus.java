package io.sofastack.qa.ingest;

import java.util.List;

/** The passages of one read of the knowledge, and the report of that read. */
public record Corpus(List<Passage> passages, IngestReport report) {

    public Corpus {
        passages = List.copyOf(passages);
    }

    /** The Q&amp;A threads among the passages. */
    public List<Passage> threads() {
        return passages.stream().filter(passage -> passage.kind() == Passage.Kind.QA).toList();
    }
}
