package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * What retrieval found for a question.
 *
 * @param threads threads, best first
 * @param confidence how sure retrieval is that the first thread answers the question, in [0, 1]
 * @param answerable whether the confidence reaches the configured threshold
 * @param signals what the confidence was judged from, or {@code null} when nothing was found
 */
public record Retrieval(List<RetrievedThread> threads, double confidence, boolean answerable, Signals signals) {

    public Retrieval {
        threads = List.copyOf(threads);
    }
}
