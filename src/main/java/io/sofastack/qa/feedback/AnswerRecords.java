package io.sofastack.qa.feedback;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.Source;
import io.sofastack.qa.feedback.AnswerRecord.Gap;
import io.sofastack.qa.feedback.AnswerRecord.RecordedSource;
import io.sofastack.qa.retrieval.Scripts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer the bot gives, in the shared state database, for as long as {@code qa.feedback.retention}
 * and at most {@code qa.feedback.max-records} of them: what was asked (redacted), in which channel and
 * language, whether it was grounded, how sure, what it cited. Feedback refers to it by the answer's id,
 * and the gap report reads the ones it could not answer well.
 */
@Repository
public class AnswerRecords {

    private static final Logger log = LoggerFactory.getLogger(AnswerRecords.class);
    private static final TypeReference<List<RecordedSource>> SOURCES = new TypeReference<>() {
    };
    private static final int MAX_QUESTION_CHARS = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final FeedbackProperties properties;

    AnswerRecords(JdbcClient jdbc, JsonMapper json, Clock clock, FeedbackProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Records an answer. Never fails the answer it records: a database that cannot take it costs the
     * record, not the asker's answer.
     *
     * @param thread where it was asked, for a chat; {@code null} for the API
     */
    public void record(String channel, String question, Answer answer, String thread) {
        if (!properties.enabled()) {
            return;
        }
        try {
            insert(channel, question, answer, thread);
        } catch (RuntimeException e) {
            log.warn("The answer {} could not be recorded: {}", answer.id(), e.getMessage());
        }
    }

    private void insert(String channel, String question, Answer answer, String thread) {
        String stored = properties.redact() ? Redaction.redact(question) : question;
        if (stored.length() > MAX_QUESTION_CHARS) {
            stored = stored.substring(0, MAX_QUESTION_CHARS);
        }
        List<RecordedSource> sources = answer.sources().stream().map(AnswerRecords::recorded).toList();
        Gap gap = ownGap(answer.grounded(), answer.confidence());
        jdbc.sql("insert into answer_record (answer_id, asked_at, channel, question, language, grounded, mode, confidence, sources, thread, gap) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(answer.id(), Timestamp.from(clock.instant()), channel, stored, Scripts.isMostlyLatin(question) ? "en" : "zh",
                        answer.grounded(), answer.mode().wireName(), answer.confidence(), json.writeValueAsString(sources), thread,
                        gap == null ? null : gap.wireName())
                .update();
    }

    /** The gap an answer is by itself, whatever the votes on it say: none, when it is grounded and sure enough. */
    Gap ownGap(boolean grounded, double confidence) {
        return !grounded ? Gap.ABSTAINED : confidence < properties.lowConfidence() ? Gap.LOW_CONFIDENCE : null;
    }

    private static RecordedSource recorded(Source source) {
        return new RecordedSource(source.kind(), source.title(), source.section(), source.url(),
                source.date() == null ? null : source.date().toString());
    }

    public Optional<AnswerRecord> find(String answerId) {
        return jdbc.sql("select * from answer_record where answer_id = ?").param(answerId).query(this::row).optional();
    }

    /** The last answer given in a chat thread, if it is still on record. */
    public Optional<AnswerRecord> lastInThread(String thread) {
        return jdbc.sql("select * from answer_record where thread = ? order by asked_at desc fetch first 1 rows only").param(thread)
                .query(this::row).optional();
    }

    /**
     * The last gap among the answers given since {@code since} in the threads whose key starts with
     * {@code prefix}: in a chat without threads, the question a maintainer's answer most likely answers.
     */
    public Optional<AnswerRecord> lastGapIn(String prefix, Instant since) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select * from answer_record where thread like ? escape '\\' and gap is not null and asked_at >= ? "
                        + "order by asked_at desc fetch first 1 rows only")
                .params(pattern, Timestamp.from(since)).query(this::row).optional();
    }

    /** The answers that are gaps, asked in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<AnswerRecord> gaps(Instant from, Instant to, int limit) {
        return jdbc.sql("select * from answer_record where gap is not null and asked_at >= ? and asked_at < ? order by asked_at desc "
                        + "fetch first ? rows only")
                .params(Timestamp.from(from), Timestamp.from(to), limit).query(this::row).list();
    }

    /** How many recorded answers are gaps. */
    public long countGaps() {
        return jdbc.sql("select count(*) from answer_record where gap is not null").query(Long.class).single();
    }

    void markGap(String answerId, Gap gap) {
        jdbc.sql("update answer_record set gap = ? where answer_id = ?").params(gap == null ? null : gap.wireName(), answerId).update();
    }

    /** Deletes what is past its retention, then the oldest past {@code qa.feedback.max-records}; returns how many went. */
    int prune() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.retention()));
        int deleted = jdbc.sql("delete from answer_feedback where given_at < ?").param(cutoff).update();
        deleted += jdbc.sql("delete from answer_record where asked_at < ?").param(cutoff).update();
        long count = jdbc.sql("select count(*) from answer_record").query(Long.class).single();
        if (count > properties.maxRecords()) {
            Optional<Timestamp> oldestKept = jdbc.sql("select asked_at from answer_record order by asked_at desc offset ? rows fetch next 1 rows only")
                    .param(properties.maxRecords() - 1).query(Timestamp.class).optional();
            if (oldestKept.isPresent()) {
                jdbc.sql("delete from answer_feedback where answer_id in (select answer_id from answer_record where asked_at < ?)")
                        .param(oldestKept.get()).update();
                deleted += jdbc.sql("delete from answer_record where asked_at < ?").param(oldestKept.get()).update();
            }
        }
        return deleted;
    }

    private AnswerRecord row(ResultSet row, int number) throws SQLException {
        return new AnswerRecord(row.getString("answer_id"), row.getTimestamp("asked_at").toInstant(), row.getString("channel"),
                row.getString("question"), row.getString("language"), row.getBoolean("grounded"), row.getString("mode"),
                row.getDouble("confidence"), json.readValue(row.getString("sources"), SOURCES), row.getString("thread"),
                Gap.of(row.getString("gap")));
    }
}
