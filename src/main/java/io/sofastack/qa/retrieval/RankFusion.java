package io.sofastack.qa.retrieval;

/**
 * How well the BM25 and the vector ranking agree on a document, as weighted reciprocal-rank fusion
 * scores it: each ranking contributes {@code weight / (k + rank)}. One of the answerability features;
 * the ranking itself fuses scores ({@link ScoreFusion}).
 */
final class RankFusion {

    private final double lexicalWeight;
    private final double vectorWeight;
    private final int rankConstant;

    RankFusion(double lexicalWeight, double vectorWeight, int rankConstant) {
        this.lexicalWeight = lexicalWeight;
        this.vectorWeight = vectorWeight;
        this.rankConstant = rankConstant;
    }

    /** The highest fused score there is: first under both rankings. */
    double best() {
        return (lexicalWeight + vectorWeight) / (rankConstant + 1);
    }

    /** The fused score of a document at these ranks (from 1; 0: not found by that ranking). */
    double score(int lexicalRank, int vectorRank) {
        return (lexicalRank == 0 ? 0 : lexicalWeight / (rankConstant + lexicalRank))
                + (vectorRank == 0 ? 0 : vectorWeight / (rankConstant + vectorRank));
    }
}
