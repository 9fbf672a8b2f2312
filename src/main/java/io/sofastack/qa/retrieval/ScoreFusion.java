package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageSearcher.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the BM25 and the vector ranking by score: a candidate scores its BM25 score as a share of the
 * best BM25 score of its kind, plus {@code similarityWeight} times its cosine similarity to the
 * question. Reciprocal ranks, which this replaced, forget how far apart two candidates are: a section
 * second under BM25 by a hair and the nearest of all by embedding lost to the first one that the
 * embedding ranked nowhere. Both scales are bounded (the share in [0, 1], the cosine in [-1, 1]), so
 * one weight serves every question and kind of one language. An English question's docs and
 * articles have their own: the embedding model is a Chinese one, and where BM25 matched the English
 * version of a page, the similarity ranked the right page lower, not higher (README, "Re-fit").
 *
 * @param similarityWeight the weight of the cosine, but for what {@code englishSimilarityWeight} weighs
 * @param englishSimilarityWeight the weight of the cosine among an English question's docs and article sections
 */
record ScoreFusion(double similarityWeight, double englishSimilarityWeight) {

    /**
     * Candidates best first; ties keep BM25's order.
     *
     * @param lexicalHits BM25's hits, best first
     * @param lexicalSimilarities each BM25 hit's similarity as {@code vectorHits} score it (Lucene's
     *        DOT_PRODUCT score, (1 + cosine) / 2; {@code NaN} when it has no vector), or {@code null}
     *        when the question has no embedding
     * @param vectorHits the nearest vectors, nearest first, with Lucene's DOT_PRODUCT score
     * @param english whether to weigh the similarity by {@code englishSimilarityWeight}
     */
    List<Candidate> fuse(List<Hit> lexicalHits, float[] lexicalSimilarities, List<Hit> vectorHits, boolean english) {
        if (lexicalSimilarities != null && lexicalSimilarities.length != lexicalHits.size()) {
            throw new IllegalArgumentException("one similarity per BM25 hit");
        }
        double bestLexical = lexicalHits.isEmpty() ? 0 : lexicalHits.get(0).score();
        Map<Integer, double[]> byDoc = new LinkedHashMap<>(); // lexicalRank, lexicalScore, vectorRank, cosine
        for (int i = 0; i < lexicalHits.size(); i++) {
            double[] c = byDoc.computeIfAbsent(lexicalHits.get(i).doc(), doc -> new double[4]);
            c[0] = i + 1;
            c[1] = lexicalHits.get(i).score();
            float similarity = lexicalSimilarities == null ? Float.NaN : lexicalSimilarities[i];
            c[3] = Float.isNaN(similarity) ? 0 : 2 * similarity - 1;
        }
        for (int i = 0; i < vectorHits.size(); i++) {
            double[] c = byDoc.computeIfAbsent(vectorHits.get(i).doc(), doc -> new double[4]);
            c[2] = i + 1;
            c[3] = 2 * vectorHits.get(i).score() - 1;
        }
        List<Candidate> ranked = new ArrayList<>(byDoc.size());
        for (Map.Entry<Integer, double[]> entry : byDoc.entrySet()) {
            double[] c = entry.getValue();
            double score = score(c[1], bestLexical, c[3], english);
            ranked.add(new Candidate(entry.getKey(), score, (int) c[0], c[1], (int) c[2], c[3]));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return ranked;
    }

    /** The fused score of a BM25 score (0: not found) against the best one, and a cosine similarity. */
    double score(double lexicalScore, double bestLexical, double cosine, boolean english) {
        return (bestLexical > 0 ? lexicalScore / bestLexical : 0) + (english ? englishSimilarityWeight : similarityWeight) * cosine;
    }
}
