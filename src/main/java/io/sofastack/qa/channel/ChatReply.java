package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;

/** Posts an answer to the platform the question came from, and says what became of it. */
@FunctionalInterface
public interface ChatReply {

    PostOutcome post(Answer answer);

    /**
     * Shows that an answer is being looked for, where the platform has a way (Slack's assistant thread
     * status); called once before retrieval. Showing nothing is fine.
     */
    default void working() {
    }
}
