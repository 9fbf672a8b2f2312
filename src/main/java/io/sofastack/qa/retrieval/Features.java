package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * The evidence that one retrieved passage answers a question, as numbers in a fixed order; what the
 * answerability model turns into a probability, and what the fitting command learns from.
 *
 * <p>The kind of a passage is not a feature: how often each kind answers in the fitting data is an
 * artefact of how many passages of each kind were sampled, and the preference between kinds is a rule
 * of its own ({@link AnswerChoice}).
 *
 * <p>Every feature is either semantic (similarity) or relative to the competing passages (ranks,
 * margins, ratios), within its kind and across the kinds: which kind answers a question is judged by
 * how a thread and a section compare on the same scale. Absolute word overlap (how much of the question a passage holds, how far the best
 * BM25 score stands out) says as much about how the asker words things as about the answer: the
 * model is fitted on questions made from the passages' own words, where such features are
 * misleadingly high, and real askers paraphrase.
 *
 * @param values one value per name in {@link #NAMES}
 */
public record Features(double[] values) {

    /** The features, in order; the fitted model names them too, and must match. */
    public static final List<String> NAMES = List.of(
            "fused",             // fused score (with the threads' weights) over the best possible: first under both rankings
            "lexicalReciprocal", // 1 / BM25 rank, 0 when BM25 did not find it
            "vectorReciprocal",  // 1 / vector rank, 0 when not among the neighbours
            "similarity",        // cosine similarity to the question
            "similarityMargin",  // that similarity over the mean of the next ten neighbours'
            "lexicalRatio",      // its BM25 score over the best BM25 score
            "coverageMargin",    // IDF-weighted share of the question's terms it holds, over the best share of the next entries of its kind
            "latinCoverage",     // IDF-weighted share of the question's Latin-script terms (names, identifiers) it holds; 1 without any
            "english",           // 1 for an English question
            "crossSimilarity",   // its similarity over that of the first entry of the other kinds (0 when there is none)
            "crossLexical");     // log(1 + its BM25 score) over that of the first entry of the other kinds, all scored by one query

    public Features {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + values.length);
        }
        values = values.clone();
    }

    public double value(String name) {
        return values[NAMES.indexOf(name)];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(NAMES.get(i)).append('=').append(String.format("%.3f", values[i]));
        }
        return text.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Features features && java.util.Arrays.equals(values, features.values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }
}
