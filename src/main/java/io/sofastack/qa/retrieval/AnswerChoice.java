package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Which judged entry an answer is drawn from, and in what order the kinds share the sources.
 *
 * <p>Threads and docs sections compete: the first entry with the higher lead leads, its score under
 * one BM25 query for every kind fused with its similarity as {@link ScoreFusion} fuses the candidates
 * of one kind (on the dev questions, the shared BM25 score told a question a thread answers from one a
 * docs page answers far better than the per-kind probabilities did: AUC 0.96 against at most 0.90;
 * since ranking fuses scores, the fused lead chooses better than BM25 alone, README "Re-fit").
 * Articles tell one story rather than answer a question: no dev question of any kind is answered by
 * one, and letting a sure article answer cost docs questions R@1, so an article answers only when
 * there is neither a thread nor a docs section. Whether the bot answers at all is the leading entry's
 * probability against the threshold.
 */
final class AnswerChoice {

    /** How many sources the two leading kinds share, alternately, before articles take every third place. */
    static final int SHARED_PLACES = 5;

    private AnswerChoice() {
    }

    /**
     * A judged entry: its kind, the probability that it answers, and how it competes with the first
     * entries of the other kinds ({@link HybridRetriever.Entry#lead}).
     */
    record Judged<T>(T entry, Passage.Kind kind, double probability, double lead) {
    }

    /** The chosen one, or {@code null} when there is none to choose from. */
    static <T> Judged<T> choose(List<Judged<T>> judged) {
        Judged<T> lead = null;
        for (Judged<T> one : judged) {
            if (one.kind() != Passage.Kind.ARTICLE && (lead == null || one.lead() > lead.lead())) {
                lead = one;
            }
        }
        if (lead != null) {
            return lead;
        }
        for (Judged<T> one : judged) {
            if (lead == null || one.probability() > lead.probability()) {
                lead = one;
            }
        }
        return lead;
    }

    /**
     * The sources in order: the chosen entry's kind and the other of threads and docs alternately, each
     * in its own order, for the first {@link #SHARED_PLACES}; then articles take every third place.
     *
     * @param byKind each kind's entries, best first
     */
    static <T> List<T> order(Passage.Kind chosen, Map<Passage.Kind, List<T>> byKind) {
        Passage.Kind second = chosen == Passage.Kind.QA ? Passage.Kind.DOC : Passage.Kind.QA;
        Deque<T> leading = new ArrayDeque<>(byKind.getOrDefault(chosen, List.of()));
        Deque<T> following = new ArrayDeque<>(byKind.getOrDefault(second, List.of()));
        Deque<T> articles = new ArrayDeque<>(chosen == Passage.Kind.ARTICLE ? List.of() : byKind.getOrDefault(Passage.Kind.ARTICLE, List.of()));
        List<T> ordered = new ArrayList<>();
        boolean leadingsTurn = true;
        while (!leading.isEmpty() || !following.isEmpty() || !articles.isEmpty()) {
            boolean articlesTurn = ordered.size() >= SHARED_PLACES && (ordered.size() - SHARED_PLACES) % 3 == 0;
            Deque<T> next;
            if ((articlesTurn || leading.isEmpty() && following.isEmpty()) && !articles.isEmpty()) {
                next = articles;
            } else {
                next = leadingsTurn && !leading.isEmpty() || following.isEmpty() ? leading : following;
                leadingsTurn = next != leading;
            }
            ordered.add(next.poll());
        }
        return ordered;
    }
}
