package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ThreadDocuments;
import io.sofastack.qa.index.ThreadSearcher;
import io.sofastack.qa.index.ThreadSearcher.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * How sure retrieval is that its best thread answers the question, in [0, 1].
 *
 * <p>Fused scores say which thread is best, not whether it answers: every question has a nearest
 * thread. So confidence is judged from evidence that does: whether BM25 and vectors agree on the best
 * thread, how clearly it stands out from the next ones under each, and whether the names in the
 * question appear in it. A name the archive never mentions at all ({@code keycloak}) halves the
 * confidence, since the archive cannot know about it; a best thread that neither ranker agrees on
 * and that mentions almost none of the question's names loses a fifth.
 */
final class ConfidenceEstimator {

    private static final int MARGIN_NEIGHBOURS = 10;
    private static final double BASE = 0.55;
    private static final double AGREEMENT_BONUS = 0.15;
    private static final double MAX_SIMILARITY_MARGIN_BONUS = 0.10;
    private static final double MAX_LEXICAL_MARGIN_BONUS = 0.05;
    private static final double UNKNOWN_NAME_FACTOR = 0.5;
    private static final double WEAK_NAME_COVERAGE = 0.1;
    private static final double WEAK_NAME_COVERAGE_FACTOR = 0.8;

    private final Terms terms;
    private final UnknownNames unknownNames;

    ConfidenceEstimator(Terms terms, UnknownNames unknownNames) {
        this.terms = terms;
        this.unknownNames = unknownNames;
    }

    double estimate(Signals signals) {
        double confidence = BASE
                + (signals.agreement() ? AGREEMENT_BONUS : 0)
                + clamp(signals.similarityMargin(), 0, MAX_SIMILARITY_MARGIN_BONUS)
                + MAX_LEXICAL_MARGIN_BONUS * clamp(Math.log(signals.lexicalMargin()), 0, 1);
        confidence *= Math.pow(UNKNOWN_NAME_FACTOR, signals.unknownNames().size());
        if (!signals.agreement() && signals.nameCoverage() < WEAK_NAME_COVERAGE) {
            confidence *= WEAK_NAME_COVERAGE_FACTOR;
        }
        return clamp(confidence, 0, 1);
    }

    Signals signals(ThreadSearcher searcher, String question, RetrievedThread best, List<Hit> lexicalHits,
                    List<Hit> vectorHits) throws IOException {
        return new Signals(best.similarity(), similarityMargin(best, vectorHits), lexicalMargin(lexicalHits),
                best.lexicalRank() == 1 && best.vectorRank() == 1, nameCoverage(searcher, question, best),
                unknownNames.in(searcher, question));
    }

    private static double similarityMargin(RetrievedThread best, List<Hit> vectorHits) {
        int neighbours = Math.min(vectorHits.size() - 1, MARGIN_NEIGHBOURS);
        if (neighbours < 1) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i <= neighbours; i++) {
            sum += 2 * vectorHits.get(i).score() - 1;
        }
        return best.similarity() - sum / neighbours;
    }

    private static double lexicalMargin(List<Hit> lexicalHits) {
        return lexicalHits.size() < 5 ? 1 : lexicalHits.get(0).score() / lexicalHits.get(4).score();
    }

    private double nameCoverage(ThreadSearcher searcher, String question, RetrievedThread best) throws IOException {
        Set<String> threadTerms = terms.of(ThreadDocuments.THREAD, best.thread().title() + "\n" + best.thread().threadText());
        int documents = Math.max(1, searcher.size());
        double total = 0;
        double covered = 0;
        for (String term : terms.of(ThreadDocuments.THREAD, question)) {
            boolean name = term.length() >= 2 && term.chars().allMatch(c -> c < 128)
                    && !term.chars().allMatch(Character::isDigit);
            if (name) {
                int frequency = searcher.documentFrequency(ThreadDocuments.THREAD, term);
                double idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
                total += idf;
                covered += threadTerms.contains(term) ? idf : 0;
            }
        }
        return total == 0 ? 1 : covered / total;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
