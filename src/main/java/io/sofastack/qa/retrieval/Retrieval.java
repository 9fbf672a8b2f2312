package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * What retrieval found for a question.
 *
 * @param passages passages, best first: the one to answer from first, one per thread or page
 * @param confidence the estimated probability that the first passage answers the question, in [0, 1]
 * @param answerable whether the confidence reaches the configured threshold
 * @param features what the confidence was estimated from, or {@code null} when nothing was found
 */
public record Retrieval(List<RetrievedPassage> passages, double confidence, boolean answerable, Features features) {

    public Retrieval {
        passages = List.copyOf(passages);
    }

    static Retrieval nothing() {
        return new Retrieval(List.of(), 0, false, null);
    }
}
