package io.sofastack.qa.retrieval;

/**
 * A document during fusion: where each ranking put it.
 *
 * @param doc the Lucene document, valid within one searcher
 * @param score its fused score ({@link ScoreFusion})
 * @param lexicalRank its rank under BM25, from 1, or 0 when BM25 did not find it
 * @param lexicalScore its BM25 score, or 0
 * @param vectorRank its rank under vector similarity, from 1, or 0 when not among the neighbours
 * @param similarity its cosine similarity to the question (0 when the question or the document has no vector)
 */
record Candidate(int doc, double score, int lexicalRank, double lexicalScore, int vectorRank, double similarity) {
}
