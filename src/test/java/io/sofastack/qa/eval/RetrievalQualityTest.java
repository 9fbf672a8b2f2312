package io.sofastack.qa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.ingest.SharedCorpus;
import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.PlainBm25;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval on the whole site (Q&amp;A, docs, articles) holds its measured quality on the development
 * queries. The floors sit below the figures measured when this was written (README, "Evaluate"), so
 * that noise does not fail the build but a real regression does; they are not the bars of issue 7,
 * which the bot does not reach yet. Skipped, with a reason, where ../shared is absent (a fresh clone);
 * it runs in CI.
 */
@EnabledIf(value = "io.sofastack.qa.ingest.SharedCorpus#isPresent",
        disabledReason = "../shared/corpus/sofastack.tech is absent: retrieval quality on the real site not measured")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "qa.corpus.paths=../shared/corpus/sofastack.tech",
        "qa.index.dir=target/test-indexes/shared-corpus"})
class RetrievalQualityTest {

    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    HybridRetriever retriever;
    @Autowired
    PlainBm25 baseline;
    @Autowired
    JsonMapper jsonMapper;

    @Test
    void holdsItsQualityOnTheDevelopmentQueries() throws IOException {
        assertThat(indexer.synchronize().ready()).isTrue();
        assertThat(indexer.status().ingest().threads()).isGreaterThanOrEqualTo(480);
        assertThat(indexer.status().ingest().docPages()).isGreaterThanOrEqualTo(450);
        assertThat(indexer.status().ingest().articles()).isGreaterThanOrEqualTo(300);
        RetrievalEvaluation evaluation = new RetrievalEvaluation(retriever, jsonMapper);

        EvalReport qa = evaluation.evaluate(SharedCorpus.DEV_QUERIES, null);
        EvalReport docs = evaluation.evaluate(SharedCorpus.DEV_DOCS_QUERIES, null);
        EvalReport unanswerable = evaluation.evaluate(SharedCorpus.DEV_UNANSWERABLE_QUERIES, null);
        System.out.println("dev.jsonl\n" + qa.summary() + "\ndev-docs.jsonl\n" + docs.summary()
                + "\ndev-unanswerable.jsonl\n" + unanswerable.summary());

        // Measured (2026-12-04, score fusion, threshold 0.20): Q&A R@1 0.930, R@5 1.000, English R@5
        // 1.000, unanswerable refused 12 of 12, wrongly refused 0.158; docs R@1 0.692, R@5 0.923;
        // dev-unanswerable refused 0.680. The floors leave about three queries of headroom (one of the 12).
        assertThat(qa.recallAt1()).isGreaterThanOrEqualTo(0.87);
        assertThat(qa.recallAt5()).isGreaterThanOrEqualTo(0.95);
        assertThat(qa.englishRecallAt5()).isGreaterThanOrEqualTo(0.85);
        assertThat(qa.unanswerableRefused()).isGreaterThanOrEqualTo(0.90);
        assertThat(qa.answerableWronglyRefused()).isLessThanOrEqualTo(0.25);
        assertThat(docs.recallAt1()).isGreaterThanOrEqualTo(0.64);
        assertThat(docs.recallAt5()).isGreaterThanOrEqualTo(0.87);
        assertThat(unanswerable.unanswerableRefused()).isGreaterThanOrEqualTo(0.62);

        // Plain BM25 over the same knowledge, at its best weight of the head for each set, is beaten.
        for (float headBoost : new float[] {0f, 1f, 2f}) {
            RetrievalEvaluation plain = new RetrievalEvaluation((question, limit) -> baseline.retrieve(question, limit, headBoost), jsonMapper);
            EvalReport plainQa = plain.evaluate(SharedCorpus.DEV_QUERIES, null);
            EvalReport plainDocs = plain.evaluate(SharedCorpus.DEV_DOCS_QUERIES, null);
            System.out.println("plain BM25, head weight " + headBoost + "\ndev.jsonl\n" + plainQa.summary()
                    + "\ndev-docs.jsonl\n" + plainDocs.summary());
            assertThat(qa.recallAt1()).isGreaterThan(plainQa.recallAt1());
            assertThat(qa.recallAt5()).isGreaterThan(plainQa.recallAt5());
            assertThat(docs.recallAt1()).isGreaterThan(plainDocs.recallAt1());
            assertThat(docs.recallAt5()).isGreaterThan(plainDocs.recallAt5());
        }
    }
}
