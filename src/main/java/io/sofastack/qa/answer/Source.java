package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.RetrievedThread;
import java.time.LocalDate;

/**
 * A thread an answer is drawn from (or, when the bot abstains, a thread that may be related).
 *
 * @param question the thread's first question
 * @param score the thread's fused retrieval score; the best source's score is the confidence
 */
public record Source(String id, String path, String url, String title, LocalDate date, String question, double score) {

    static Source of(RetrievedThread retrieved) {
        var thread = retrieved.thread();
        return new Source(thread.id(), thread.path(), thread.url(), thread.title(), thread.date(), thread.question(),
                Math.round(retrieved.score() * 1000) / 1000.0);
    }
}
