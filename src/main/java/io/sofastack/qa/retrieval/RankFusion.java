package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageSearcher.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal-rank fusion of the BM25 and the vector ranking: each contributes
 * {@code weight / (k + rank)}. Raw scores of the two are on different scales and are never added.
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

    /** Candidates best first; ties keep BM25's order. {@code vectorHits} carry Lucene's DOT_PRODUCT score, (1 + cosine) / 2. */
    List<Candidate> fuse(List<Hit> lexicalHits, List<Hit> vectorHits) {
        Map<Integer, double[]> byDoc = new LinkedHashMap<>(); // score, lexicalRank, lexicalScore, vectorRank, similarity
        for (int i = 0; i < lexicalHits.size(); i++) {
            double[] c = byDoc.computeIfAbsent(lexicalHits.get(i).doc(), doc -> new double[5]);
            c[0] += lexicalWeight / (rankConstant + i + 1);
            c[1] = i + 1;
            c[2] = lexicalHits.get(i).score();
        }
        double weakest = 0;
        for (int i = 0; i < vectorHits.size(); i++) {
            double[] c = byDoc.computeIfAbsent(vectorHits.get(i).doc(), doc -> new double[5]);
            c[0] += vectorWeight / (rankConstant + i + 1);
            c[3] = i + 1;
            c[4] = 2 * vectorHits.get(i).score() - 1;
            weakest = c[4];
        }
        List<Candidate> ranked = new ArrayList<>(byDoc.size());
        for (Map.Entry<Integer, double[]> entry : byDoc.entrySet()) {
            double[] c = entry.getValue();
            // Not among the neighbours: at most as similar as the last of them.
            double similarity = c[3] == 0 ? weakest : c[4];
            ranked.add(new Candidate(entry.getKey(), c[0], (int) c[1], c[2], (int) c[3], similarity));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return ranked;
    }
}
