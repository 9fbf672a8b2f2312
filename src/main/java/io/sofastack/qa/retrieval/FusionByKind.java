package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;

/**
 * Rank fusion for each kind of passage. A thread is one short question with its answer, which an
 * embedding captures well; a docs or article section is long reference text that a small embedding
 * model truncates and blurs, so the two rankings are weighted differently for threads and sections.
 */
record FusionByKind(RankFusion threads, RankFusion sections) {

    RankFusion of(Passage.Kind kind) {
        return kind == Passage.Kind.QA ? threads : sections;
    }
}
