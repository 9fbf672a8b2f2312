package io.sofastack.qa.feedback;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerLog;
import org.springframework.stereotype.Component;

/**
 * What every surface does once a question has its answer: one log line and the metrics
 * ({@link AnswerLog}), and the record that feedback and the gap report read ({@link AnswerRecords}).
 * A notice ("busy", a greeting back) is logged but not recorded: there is nothing in it to rate.
 */
@Component
public class AnswerJournal {

    private final AnswerLog log;
    private final AnswerRecords records;

    AnswerJournal(AnswerLog log, AnswerRecords records) {
        this.log = log;
        this.records = records;
    }

    /**
     * @param channel where it was asked: http, web, slack, slack-command, dingtalk, mcp
     * @param thread where in a chat, for a maintainer's later reply there; {@code null} elsewhere
     */
    public void answered(String channel, String question, Answer answer, long nanos, String thread) {
        log.answered(channel, question, answer, nanos);
        if (answer.rateable()) {
            records.record(channel, question, answer, thread);
        }
    }
}
