package io.sofastack.qa.community;

import io.sofastack.qa.community.CommunityAnswer.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The candidates and community answers, in the shared state database (table {@code community_answer}). */
@Repository
class CommunityStore {

    private final JdbcClient jdbc;

    CommunityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CommunityAnswer candidate, Instant now) {
        jdbc.sql("insert into community_answer (id, status, answer_id, platform, thread, question, answer, maintainer, link, language, "
                        + "gap, asked_at, answered_at, reviewed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(candidate.id(), candidate.status().name(), candidate.answerId(), candidate.platform(), candidate.thread(),
                        candidate.question(), candidate.answer(), candidate.maintainer(), candidate.link(), candidate.language(),
                        candidate.gap(), Timestamp.from(candidate.askedAt()), Timestamp.from(candidate.answeredAt()),
                        candidate.reviewedAt() == null ? null : Timestamp.from(candidate.reviewedAt()), Timestamp.from(now))
                .update();
    }

    /** Whether the message was not heard before; it is now. */
    boolean claimReply(String messageKey, String candidateId, Instant now) {
        try {
            jdbc.sql("insert into community_reply (message_key, candidate_id, heard_at) values (?, ?, ?)")
                    .params(messageKey, candidateId, Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException heardBefore) {
            return false;
        }
    }

    Optional<CommunityAnswer> find(String id) {
        return jdbc.sql("select * from community_answer where id = ?").param(id).query(CommunityStore::row).optional();
    }

    Optional<CommunityAnswer> ofAnswer(String answerId) {
        return jdbc.sql("select * from community_answer where answer_id = ?").param(answerId).query(CommunityStore::row).optional();
    }

    /** Newest reply first; every status when {@code status} is {@code null}. */
    List<CommunityAnswer> list(Status status, int limit, int offset) {
        if (status == null) {
            return jdbc.sql("select * from community_answer order by answered_at desc, id offset ? rows fetch next ? rows only")
                    .params(offset, limit).query(CommunityStore::row).list();
        }
        return jdbc.sql("select * from community_answer where status = ? order by answered_at desc, id offset ? rows fetch next ? rows only")
                .params(status.name(), offset, limit).query(CommunityStore::row).list();
    }

    /** Every accepted answer, oldest first: the knowledge. */
    List<CommunityAnswer> accepted() {
        return jdbc.sql("select * from community_answer where status = 'ACCEPTED' order by answered_at, id")
                .query(CommunityStore::row).list();
    }

    long count(Status status) {
        return jdbc.sql("select count(*) from community_answer where status = ?").param(status.name()).query(Long.class).single();
    }

    /** What changes whenever a review changes the knowledge: how many answers there are, and the last change. */
    String fingerprint() {
        return jdbc.sql("select count(*), max(updated_at) from community_answer where status in ('ACCEPTED', 'WITHDRAWN')")
                .query((row, n) -> row.getLong(1) + "@" + row.getTimestamp(2)).single();
    }

    /** Adds a later reply of the thread to a pending candidate; whether it was still pending. */
    boolean append(String id, String answer, Instant answeredAt, Instant now) {
        return jdbc.sql("update community_answer set answer = ?, answered_at = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(answer, Timestamp.from(answeredAt), Timestamp.from(now), id).update() == 1;
    }

    /** Moves a candidate to {@code to} if it stands in one of {@code from}; whether it did. */
    boolean move(String id, Status to, Instant now, Status... from) {
        return jdbc.sql("update community_answer set status = ?, reviewed_at = ?, updated_at = ? where id = ? and status in " + inList(from))
                .params(to.name(), Timestamp.from(now), Timestamp.from(now), id).update() == 1;
    }

    /** Rewrites the question and answer of a candidate that stands in one of {@code in}; whether it did. */
    boolean edit(String id, String question, String answer, Instant now, Status... in) {
        return jdbc.sql("update community_answer set question = ?, answer = ?, updated_at = ? where id = ? and status in " + inList(in))
                .params(question, answer, Timestamp.from(now), id).update() == 1;
    }

    /** {@code ('PENDING', 'ACCEPTED')}: statuses are the enum's own names, never a caller's text. */
    private static String inList(Status... statuses) {
        return "(" + String.join(", ", Arrays.stream(statuses).map(status -> "'" + status.name() + "'").toList()) + ")";
    }

    private static CommunityAnswer row(ResultSet row, int number) throws SQLException {
        Timestamp reviewed = row.getTimestamp("reviewed_at");
        return new CommunityAnswer(row.getString("id"), Status.valueOf(row.getString("status")), row.getString("answer_id"),
                row.getString("platform"), row.getString("thread"), row.getString("question"), row.getString("answer"),
                row.getString("maintainer"), row.getString("link"), row.getString("language"), row.getString("gap"),
                row.getTimestamp("asked_at").toInstant(), row.getTimestamp("answered_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant());
    }
}
