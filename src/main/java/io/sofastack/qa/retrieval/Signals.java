package io.sofastack.qa.retrieval;

/**
 * What confidence is judged from, kept for logs and evaluation.
 *
 * @param similarity cosine similarity of the best thread to the question
 * @param similarityMargin how far that similarity stands above the mean of the next nearest threads
 * @param lexicalMargin the best BM25 score over the fifth best (1 when BM25 found one thread or none)
 * @param agreement whether BM25 and vectors both rank the best thread first
 * @param coverage IDF-weighted share of the question's terms found in the best thread
 * @param unknownShare IDF-weighted share of the question's terms that occur nowhere in the archive
 */
public record Signals(double similarity, double similarityMargin, double lexicalMargin, boolean agreement,
                      double coverage, double unknownShare) {
}
