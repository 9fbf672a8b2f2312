package io.sofastack.qa.retrieval;

import java.time.Duration;

/** A question waited longer than {@code qa.retrieval.queue-timeout} for a retrieval slot: the bot is saturated. */
public class RetrievalBusyException extends RuntimeException {

    public RetrievalBusyException(Duration waited) {
        super("every retrieval slot stayed busy for " + waited.toMillis() + " ms (qa.retrieval.max-concurrent)");
    }
}
