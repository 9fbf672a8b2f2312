package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * What the confidence of a retrieval is judged from; kept for logs and evaluation.
 *
 * @param similarity cosine similarity of the best thread to the question
 * @param similarityMargin how far that similarity stands above the mean of the next nearest threads
 * @param lexicalMargin the best BM25 score over the fifth best (1 when BM25 found fewer than five)
 * @param agreement whether BM25 and vectors both rank the best thread first
 * @param nameCoverage IDF-weighted share of the question's Latin-script terms (names, identifiers)
 *        that the best thread contains; 1 when the question has none
 * @param unknownNames names in the question that the archive never mentions
 */
public record Signals(double similarity, double similarityMargin, double lexicalMargin, boolean agreement,
                      double nameCoverage, List<String> unknownNames) {

    public Signals {
        unknownNames = List.copyOf(unknownNames);
    }
}
