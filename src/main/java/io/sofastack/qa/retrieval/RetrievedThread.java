package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.QaThread;

/**
 * A thread found for a question.
 *
 * @param thread the thread
 * @param score its fused score, scaled so that the best thread of a retrieval has its confidence
 * @param lexicalRank its rank under BM25, from 1, or 0 when BM25 did not find it
 * @param vectorRank its rank under vector similarity, from 1, or 0 when not among the neighbours
 * @param similarity cosine similarity of its embedding to the question's
 */
public record RetrievedThread(QaThread thread, double score, int lexicalRank, int vectorRank, double similarity) {

    RetrievedThread withScore(double newScore) {
        return new RetrievedThread(thread, newScore, lexicalRank, vectorRank, similarity);
    }
}
