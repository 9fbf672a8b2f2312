package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.index.PassageSearcher;
import io.sofastack.qa.index.PassageSearcher.Hit;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes the {@link Features} of a retrieved passage: how the rankings placed it, and how much of
 * the question it holds. A question's English words count as held by a Chinese passage that holds one
 * of their translations, so English questions are judged fairly against the Chinese knowledge.
 */
final class AnswerabilityFeatures {

    private static final int MARGIN_NEIGHBOURS = 10;
    private static final int MAX_PASSAGE_CHARS = 4000;

    private final Terms terms;
    private final BilingualLexicon lexicon;
    private final RankFusion agreement;
    private final PassageTermsCache passageTerms;

    AnswerabilityFeatures(Terms terms, BilingualLexicon lexicon, RankFusion agreement, PassageTermsCache passageTerms) {
        this.terms = terms;
        this.lexicon = lexicon;
        this.agreement = agreement;
        this.passageTerms = passageTerms;
    }

    /**
     * What is known of the question: its terms, their weights and the hashes of each term and its
     * translations ({@link Terms#hash}; computed once per question), and the rankings of one kind of
     * passage ({@link #withHits}).
     */
    record Question(List<String> terms, double[] idf, boolean[] latin, long[][] hashes, boolean english,
                    List<Hit> lexicalHits, List<Hit> vectorHits) {

        Question withHits(List<Hit> lexical, List<Hit> vector) {
            return new Question(terms, idf, latin, hashes, english, lexical, vector);
        }
    }

    Question question(PassageSearcher searcher, Set<String> questionTerms, boolean english) throws IOException {
        List<String> list = new ArrayList<>(questionTerms);
        int documents = Math.max(1, searcher.size());
        double[] idf = new double[list.size()];
        boolean[] latin = new boolean[list.size()];
        long[][] hashes = new long[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            String term = list.get(i);
            int frequency = searcher.documentFrequency(PassageDocuments.BODY, term);
            List<String> translations = lexicon.translations(term);
            hashes[i] = new long[1 + translations.size()];
            hashes[i][0] = Terms.hash(term);
            for (int t = 0; t < translations.size(); t++) {
                frequency = Math.max(frequency, searcher.documentFrequency(PassageDocuments.BODY, translations.get(t)));
                hashes[i][1 + t] = Terms.hash(translations.get(t));
            }
            idf[i] = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            latin[i] = term.chars().allMatch(c -> c < 128);
        }
        return new Question(list, idf, latin, hashes, english, List.of(), List.of());
    }

    /**
     * @param runnersUp the entries of the same kind ranked after it: a long, chatty question holds words
     *        no passage has, so how much more of it this passage holds than they do says more than its
     *        coverage alone
     */
    double[] withinKind(Question question, Candidate candidate, Passage passage, List<Passage> runnersUp) {
        Terms.HashedTerms body = bodyTerms(passage);
        double coverage = coverage(question, body, false);
        double runnerUpCoverage = 0;
        for (Passage runnerUp : runnersUp) {
            runnerUpCoverage = Math.max(runnerUpCoverage, coverage(question, bodyTerms(runnerUp), false));
        }
        double bestLexical = question.lexicalHits().isEmpty() ? 0 : question.lexicalHits().get(0).score();
        return new double[] {
                // Both rankings' agreement, weighed alike for every kind whatever weights rank it.
                agreement.score(candidate.lexicalRank(), candidate.vectorRank()) / agreement.best(),
                candidate.lexicalRank() == 0 ? 0 : 1.0 / candidate.lexicalRank(),
                candidate.vectorRank() == 0 ? 0 : 1.0 / candidate.vectorRank(),
                candidate.similarity(),
                candidate.similarity() - neighbourSimilarity(question.vectorHits(), candidate.doc()),
                bestLexical == 0 ? 0 : candidate.lexicalScore() / bestLexical,
                coverage - runnerUpCoverage,
                coverage(question, body, true),
                question.english() ? 1 : 0};
    }

    /**
     * The features of one judged entry: those within its kind, and how it compares with the first
     * entry of each other kind (similarity, and BM25 under one query that weighs every kind alike).
     *
     * @param others the similarity and the shared BM25 score of the other kinds' first entries
     */
    Features of(double[] withinKind, double similarity, double lexicalScore, List<double[]> others) {
        double[] values = java.util.Arrays.copyOf(withinKind, withinKind.length + 2);
        double bestSimilarity = Double.NaN;
        double bestLexical = Double.NaN;
        for (double[] other : others) {
            bestSimilarity = Double.isNaN(bestSimilarity) ? other[0] : Math.max(bestSimilarity, other[0]);
            bestLexical = Double.isNaN(bestLexical) ? other[1] : Math.max(bestLexical, other[1]);
        }
        values[withinKind.length] = others.isEmpty() ? 0 : similarity - bestSimilarity;
        values[withinKind.length + 1] = others.isEmpty() ? 0 : Math.log1p(lexicalScore) - Math.log1p(bestLexical);
        return new Features(values);
    }

    private Terms.HashedTerms bodyTerms(Passage passage) {
        return passageTerms.of(passage, head(passage.title() + "\n" + passage.section() + "\n" + passage.text()),
                text -> terms.hashed(PassageDocuments.BODY, text));
    }

    /** The share of the question's weight (idf) whose terms, or one of their translations, the passage holds. */
    private static double coverage(Question question, Terms.HashedTerms passageTerms, boolean latinOnly) {
        double total = 0;
        double covered = 0;
        for (int i = 0; i < question.terms().size(); i++) {
            if (latinOnly && !question.latin()[i]) {
                continue;
            }
            total += question.idf()[i];
            for (long hash : question.hashes()[i]) {
                if (passageTerms.contains(hash)) {
                    covered += question.idf()[i];
                    break;
                }
            }
        }
        return total == 0 ? 1 : covered / total;
    }


    /** The mean cosine similarity of the nearest neighbours other than the candidate. */
    private static double neighbourSimilarity(List<Hit> vectorHits, int doc) {
        double sum = 0;
        int count = 0;
        for (Hit hit : vectorHits) {
            if (count == MARGIN_NEIGHBOURS) {
                break;
            }
            if (hit.doc() != doc) {
                sum += 2 * hit.score() - 1;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }


    private static String head(String text) {
        return text.length() <= MAX_PASSAGE_CHARS ? text : text.substring(0, MAX_PASSAGE_CHARS);
    }
}
