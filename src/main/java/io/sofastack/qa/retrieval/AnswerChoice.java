package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;
import java.util.List;

/**
 * Which judged entry an answer is drawn from. Kinds are preferred in order: a Q&amp;A thread is a real
 * answer to a real question, the docs are the maintained reference, an article tells one story. So
 * the most probable entry of the first kind that reaches the threshold is chosen; when none does, the
 * most probable entry of any kind (and the bot abstains, listing it as related).
 */
final class AnswerChoice {

    private AnswerChoice() {
    }

    /** A judged entry: its kind and the probability that it answers. */
    record Judged<T>(T entry, Passage.Kind kind, double probability) {
    }

    /** The chosen one, or {@code null} when there is none to choose from. */
    static <T> Judged<T> choose(List<Judged<T>> judged, double threshold) {
        for (Passage.Kind kind : Passage.Kind.values()) {
            Judged<T> best = best(judged, kind);
            if (best != null && best.probability() >= threshold) {
                return best;
            }
        }
        return best(judged, null);
    }

    private static <T> Judged<T> best(List<Judged<T>> judged, Passage.Kind kind) {
        Judged<T> best = null;
        for (Judged<T> one : judged) {
            if ((kind == null || one.kind() == kind) && (best == null || one.probability() > best.probability())) {
                best = one;
            }
        }
        return best;
    }
}
