package io.sofastack.qa.channel.http;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerMode;
import io.sofastack.qa.answer.Source;
import java.util.List;

/**
 * The body answering {@code POST /api/ask}.
 *
 * @param answerId names the answer for {@code POST /api/feedback}
 * @param followUpOf when the question was read as a follow-up, the earlier question it follows
 *        (absent otherwise); the sources are what the two found together
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
record AskResponse(String answerId, String answer, boolean grounded, AnswerMode mode, double confidence, List<Source> sources, long tookMs,
                   String followUpOf) {

    static AskResponse of(Answer answer, long tookMs, String followUpOf) {
        return new AskResponse(answer.id(), answer.text(), answer.grounded(), answer.mode(),
                Math.round(answer.confidence() * 1000) / 1000.0, answer.sources(), tookMs, followUpOf);
    }
}
