package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;

/**
 * A reply the platform can show while it is being written (a Slack stream, a DingTalk AI card). Used
 * for generative answers only; an extractive answer is ready at once and is {@link #post}ed whole.
 * If the message cannot be opened, or cannot be finished, the answer is posted whole after all, so
 * that every question still ends with exactly one complete answer.
 */
public interface StreamedReply extends ChatReply {

    /** Opens the message the answer will be written into; {@code false} when the platform would not. */
    boolean open();

    /** The answer's next piece; the platform is updated when its rate limits allow. */
    void append(String piece);

    /** Ends the message with the rest of the final answer (which begins with what was appended) and its sources. */
    PostOutcome finish(Answer answer);
}
