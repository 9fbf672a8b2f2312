package io.sofastack.qa.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last question of each conversation, in the shared state database (H2 embedded, or PostgreSQL
 * for several replicas), so that a follow-up is read in context whichever replica takes it. A turn
 * is forgotten once it is older than its window.
 */
@Repository
class ConversationStore {

    /** The last question of a conversation, and when it was asked. */
    record Turn(String asker, String question, String query, Instant askedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConversationStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The conversation's last turn, unless it expired. */
    Optional<Turn> last(String key) {
        return jdbc.sql("select asker, question, query, asked_at from conversation_turn where conversation_key = ? and expires_at > ?")
                .params(key, Timestamp.from(clock.instant()))
                .query((row, number) -> new Turn(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Makes this the conversation's last turn, kept until {@code expiresAt}; forgets expired turns of all conversations. */
    void remember(String key, Turn turn, Instant expiresAt) {
        try {
            write(key, turn, expiresAt);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // Another replica inserted the same conversation's first turn at the same moment: the update now finds it.
            write(key, turn, expiresAt);
        }
    }

    private void write(String key, Turn turn, Instant expiresAt) {
        transactions.executeWithoutResult(status -> {
            Timestamp asked = Timestamp.from(turn.askedAt());
            int updated = jdbc.sql("update conversation_turn set asker = ?, question = ?, query = ?, asked_at = ?, expires_at = ? "
                            + "where conversation_key = ?")
                    .params(turn.asker(), turn.question(), turn.query(), asked, Timestamp.from(expiresAt), key).update();
            if (updated == 0) {
                jdbc.sql("insert into conversation_turn (conversation_key, asker, question, query, asked_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                        .params(key, turn.asker(), turn.question(), turn.query(), asked, Timestamp.from(expiresAt)).update();
            }
        });
        forgetExpired();
    }

    private void forgetExpired() {
        jdbc.sql("delete from conversation_turn where expires_at <= ?").param(Timestamp.from(clock.instant())).update();
    }
}
