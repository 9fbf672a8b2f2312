package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ThreadDocuments;
import io.sofastack.qa.index.ThreadSearcher;
import io.sofastack.qa.index.ThreadSearcher.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * How sure retrieval is that its best thread answers the question.
 */
final class ConfidenceEstimator {

    private static final int MARGIN_NEIGHBOURS = 10;

    private final Terms terms;

    ConfidenceEstimator(Terms terms) {
        this.terms = terms;
    }

    double estimate(Signals signals) {
        return Math.max(0, Math.min(1, signals.similarity()));
    }

    Signals signals(ThreadSearcher searcher, String question, RetrievedThread best, List<Hit> lexicalHits,
                    List<Hit> vectorHits) throws IOException {
        double similarityMargin = 0;
        if (vectorHits.size() > 1) {
            double sum = 0;
            int count = 0;
            for (int i = 1; i < Math.min(vectorHits.size(), MARGIN_NEIGHBOURS + 1); i++, count++) {
                sum += 2 * vectorHits.get(i).score() - 1;
            }
            similarityMargin = best.similarity() - sum / count;
        }
        double lexicalMargin = lexicalHits.size() < 5 ? 1 : lexicalHits.get(0).score() / lexicalHits.get(4).score();
        boolean agreement = best.lexicalRank() == 1 && best.vectorRank() == 1;
        Set<String> threadTerms = terms.of(ThreadDocuments.THREAD, best.thread().title() + "\n" + best.thread().threadText());
        int documents = Math.max(1, searcher.size());
        double total = 0;
        double covered = 0;
        double unknown = 0;
        for (String term : terms.of(ThreadDocuments.THREAD, question)) {
            int frequency = searcher.documentFrequency(ThreadDocuments.THREAD, term);
            double idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            total += idf;
            covered += threadTerms.contains(term) ? idf : 0;
            unknown += frequency == 0 ? idf : 0;
        }
        return new Signals(best.similarity(), similarityMargin, lexicalMargin, agreement,
                total == 0 ? 0 : covered / total, total == 0 ? 0 : unknown / total);
    }
}
