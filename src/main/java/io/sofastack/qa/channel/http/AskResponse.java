package io.sofastack.qa.channel.http;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerMode;
import io.sofastack.qa.answer.Source;
import java.util.List;

/** The body answering {@code POST /api/ask}. */
record AskResponse(String answer, boolean grounded, AnswerMode mode, double confidence, List<Source> sources, long tookMs) {

    static AskResponse of(Answer answer, long tookMs) {
        return new AskResponse(answer.text(), answer.grounded(), answer.mode(),
                Math.round(answer.confidence() * 1000) / 1000.0, answer.sources(), tookMs);
    }
}
