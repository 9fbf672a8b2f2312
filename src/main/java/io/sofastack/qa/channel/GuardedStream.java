package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streamed reply whose failures are logged, never thrown: a platform that breaks mid-stream must not
 * fail the answer, which is then posted whole ({@link ChatAnswering}).
 */
final class GuardedStream {

    private static final Logger log = LoggerFactory.getLogger(GuardedStream.class);

    private final StreamedReply reply;

    GuardedStream(StreamedReply reply) {
        this.reply = reply;
    }

    boolean open() {
        try {
            return reply.open();
        } catch (RuntimeException e) {
            log.warn("Opening a streamed reply failed: the answer is posted whole", e);
            return false;
        }
    }

    void append(String piece) {
        try {
            reply.append(piece);
        } catch (RuntimeException e) {
            log.warn("Appending to a streamed reply failed: {}", e.getMessage());
        }
    }

    PostOutcome finish(Answer answer) {
        try {
            return reply.finish(answer);
        } catch (RuntimeException e) {
            log.warn("Finishing a streamed reply failed", e);
            return PostOutcome.IN_DOUBT;
        }
    }
}
