package io.sofastack.qa.feedback;

import io.sofastack.qa.feedback.AnswerRecord.Gap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 👍/👎 on an answer, from any surface. One vote per person and answer (a second click changes it); an
 * answer anyone found unhelpful becomes a gap in the report, and stops being one if they take it back.
 */
@Service
public class Feedbacks {

    /** What became of a vote. */
    public enum Outcome {
        RECORDED, UNKNOWN_ANSWER, DISABLED
    }

    /**
     * A vote.
     *
     * @param voter who gave it as the surface names them (a Slack user id, a web session, an address);
     *        stored only as a hash unless {@code qa.feedback.keep-user-ids=true}
     * @param comment what they said, or {@code null}
     */
    public record Vote(String answerId, boolean helpful, String comment, String voter, String channel) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AnswerRecords records;
    private final FeedbackProperties properties;
    private final Clock clock;

    Feedbacks(JdbcClient jdbc, TransactionTemplate transactions, AnswerRecords records, FeedbackProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public Outcome give(Vote vote) {
        if (!properties.enabled()) {
            return Outcome.DISABLED;
        }
        Optional<AnswerRecord> answer = records.find(vote.answerId());
        if (answer.isEmpty()) {
            return Outcome.UNKNOWN_ANSWER;
        }
        String voter = properties.keepUserIds() ? vote.voter() : pseudonym(vote.answerId(), vote.voter());
        String comment = vote.comment() == null || vote.comment().isBlank() ? null : trimmed(vote.comment().strip());
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            int updated = jdbc.sql("update answer_feedback set helpful = ?, comment = ?, given_at = ? where answer_id = ? and voter = ?")
                    .params(vote.helpful(), comment, now, vote.answerId(), voter).update();
            if (updated == 0) {
                jdbc.sql("insert into answer_feedback (answer_id, voter, helpful, comment, channel, given_at) values (?, ?, ?, ?, ?, ?)")
                        .params(vote.answerId(), voter, vote.helpful(), comment, vote.channel(), now).update();
            }
            boolean anyUnhelpful = jdbc.sql("select count(*) from answer_feedback where answer_id = ? and helpful = false")
                    .param(vote.answerId()).query(Long.class).single() > 0;
            records.markGap(vote.answerId(), anyUnhelpful ? Gap.UNHELPFUL : records.ownGap(answer.get().grounded(), answer.get().confidence()));
        });
        return Outcome.RECORDED;
    }

    /** How many found an answer helpful, and how many did not. */
    public record Tally(long helpful, long unhelpful) {
    }

    public Tally tally(String answerId) {
        long helpful = jdbc.sql("select count(*) from answer_feedback where answer_id = ? and helpful = true").param(answerId)
                .query(Long.class).single();
        long unhelpful = jdbc.sql("select count(*) from answer_feedback where answer_id = ? and helpful = false").param(answerId)
                .query(Long.class).single();
        return new Tally(helpful, unhelpful);
    }

    private String trimmed(String comment) {
        String redacted = properties.redact() ? Redaction.redact(comment) : comment;
        return redacted.length() > properties.maxCommentChars() ? redacted.substring(0, properties.maxCommentChars()) : redacted;
    }

    /** A per-answer hash: it tells two votes of one person on one answer apart from two people, and nothing more. */
    private static String pseudonym(String answerId, String voter) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((answerId + "\n" + (voter == null ? "" : voter)).getBytes(StandardCharsets.UTF_8));
            return "h:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
