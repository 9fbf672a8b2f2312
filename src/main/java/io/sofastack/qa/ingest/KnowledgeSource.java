package io.sofastack.qa.ingest;

import java.util.List;

/**
 * Knowledge kept somewhere other than the corpus folders (the community answers reviewers accepted,
 * in the database): every synchronisation of the index takes its passages beside the corpus's, so
 * that a re-index keeps them, and {@code ArchiveIndexer.synchronize(KnowledgeSource)} brings just
 * its passages up to date when they change.
 */
public interface KnowledgeSource {

    /** What the logs and the index status call it. */
    String name();

    /** The prefix of every id of its passages, and of no other passage's: what it owns in the index. */
    String idPrefix();

    /**
     * Its passages now. Throws when they cannot be read: the index is then left as it is, rather than
     * losing the passages it holds.
     */
    List<Passage> passages();
}
