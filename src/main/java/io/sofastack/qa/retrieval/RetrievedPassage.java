package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;

/**
 * A passage found for a question.
 *
 * @param passage the passage
 * @param score for the passage answered from, the probability that it answers; for the others, their
 *        expected worth (the probability that their kind answers times the share of answers at their
 *        rank of its list), never above the first one's
 * @param lexicalRank its rank under BM25, from 1, or 0 when BM25 did not find it
 * @param vectorRank its rank under vector similarity, from 1, or 0 when not among the neighbours
 * @param similarity cosine similarity of its embedding to the question's
 */
public record RetrievedPassage(Passage passage, double score, int lexicalRank, int vectorRank, double similarity) {
}
