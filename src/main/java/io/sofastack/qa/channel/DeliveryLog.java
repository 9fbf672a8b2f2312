package io.sofastack.qa.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers which chat messages have been accepted and how far answering each has come, in the
 * database (H2 in a file by default, PostgreSQL when configured), so that a platform's redelivery is
 * never answered twice, also after a restart. A message is claimed (committed) before the webhook is
 * acknowledged; every step of answering it ({@link Delivery.State}) is committed as it happens, so
 * that after a crash the bot knows which messages it may still answer and which it may already have
 * posted to. A key the database already holds cannot be claimed again: the primary key decides, also
 * between processes. The process that claims a message holds it under a lease it keeps renewing; when
 * the lease runs out (the process died) another one takes it over. Entries are forgotten after
 * {@code qa.channel.dedupe-ttl}.
 */
@Component
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private static final int PURGE_EVERY_CLAIMS = 1000;
    private static final String COLUMNS = "platform, payload, state, attempts, received_at, expires_at, reason";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChannelProperties properties;
    private final MeterRegistry meters;
    /** This process, as the owner of the deliveries it answers. */
    private final String instance = UUID.randomUUID().toString();
    private final java.util.concurrent.atomic.AtomicInteger claimsSincePurge = new java.util.concurrent.atomic.AtomicInteger();

    public DeliveryLog(JdbcClient jdbc, TransactionTemplate transactions, ChannelProperties properties, Clock clock,
                       MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        purgeExpired();
    }

    /**
     * Claims a message by its platform ids. Returns {@code false} when any of the keys was claimed
     * before and has not expired (a redelivery, or the same message under another id): the caller
     * must then do nothing.
     */
    public boolean claim(String platform, List<String> keys, String payload) {
        Instant now = clock.instant();
        Delivery received = Delivery.received(platform, payload, now, now.plus(properties.dedupeTtl()));
        // The common case costs one transaction; only a taken key costs a look at whether it expired.
        boolean claimed = insertAll(received, keys, now) || (forgetExpired(keys, now) > 0 && insertAll(received, keys, now));
        if (!claimed) {
            meters.counter("qa.channel.dedupe.hits", "platform", platform).increment();
            return false;
        }
        if (claimsSincePurge.incrementAndGet() >= PURGE_EVERY_CLAIMS) {
            purgeExpired();
        }
        return true;
    }

    /** Forgets the deliveries under these keys whose time to live is over, so that they may be claimed anew. */
    private int forgetExpired(List<String> keys, Instant now) {
        return jdbc.sql("delete from chat_delivery where expires_at <= :now and id in "
                        + "(select delivery_id from chat_delivery_key where delivery_key in (:keys))")
                .param("now", Timestamp.from(now)).param("keys", keys).update();
    }

    /** Inserts a delivery with all of its keys in one transaction; {@code false}, and nothing inserted, when a key is taken. */
    private boolean insertAll(Delivery delivery, List<String> keys, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!insert(delivery, keys, now)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** Records the next step of answering a message, under whichever of its keys is given. */
    public void advance(List<String> keys, Delivery.State state, String reason) {
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("update chat_delivery set state = ?, reason = ?, updated_at = ?, lease_until = ?, "
                        + "attempts = attempts + ?, payload = case when ? then '' else payload end "
                        + "where id = (select delivery_id from chat_delivery_key where delivery_key = ?)")
                .params(state.name(), reason, Timestamp.from(now), Timestamp.from(now.plus(properties.lease())),
                        state == Delivery.State.ANSWERING ? 1 : 0, state.finished(), keys.get(0))
                .update();
    }

    /**
     * Records how answering a message ended, counts it in {@code qa_channel_deliveries_total} by
     * platform, state and reason, and logs every end but a post.
     */
    public void finish(String platform, List<String> keys, Delivery.State state, String reason, String why) {
        advance(keys, state, why);
        meters.counter("qa.channel.deliveries", "platform", platform, "state", state.name().toLowerCase(), "reason", reason)
                .increment();
        if (state == Delivery.State.QUIET) {
            log.info("A {} message gets no answer ({}): {}", platform, reason, why);
        } else if (state != Delivery.State.POSTED) {
            log.warn("A {} message was {}: {}", platform, state.name().toLowerCase(), why);
        }
    }

    /** Whether a message accepted then is too old to be answered now ({@code qa.channel.max-answer-age}). */
    public boolean tooOld(Instant receivedAt) {
        return receivedAt.plus(properties.maxAnswerAge()).isBefore(clock.instant());
    }

    /** The state a message is in, if it is remembered. */
    public Optional<Delivery> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from chat_delivery where id = "
                        + "(select delivery_id from chat_delivery_key where delivery_key = ?)")
                .param(key).query(DeliveryLog::row).optional();
    }

    /** Imports a delivery of an earlier version's log, unless one of its keys is known already. */
    void importDelivery(List<String> keys, Delivery delivery) {
        insertAll(delivery, keys, clock.instant());
    }

    /** Inserts a delivery held by this process, with its keys; {@code false} when a key is taken already. */
    private boolean insert(Delivery delivery, List<String> keys, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into chat_delivery (id, " + COLUMNS + ", updated_at, owner, lease_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, delivery.platform(), delivery.payload(), delivery.state().name(), delivery.attempts(),
                        Timestamp.from(delivery.receivedAt()), Timestamp.from(delivery.expiresAt()), delivery.reason(),
                        Timestamp.from(now), instance, Timestamp.from(now.plus(properties.lease())))
                .update();
        try {
            for (String key : keys) {
                jdbc.sql("insert into chat_delivery_key (delivery_key, delivery_id) values (?, ?)").params(key, id).update();
            }
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Extends this process's hold on every delivery it has not finished: it is still answering them. */
    public void renewLeases() {
        Instant now = clock.instant();
        jdbc.sql("update chat_delivery set lease_until = ? where owner = ? and state in (?, ?, ?)")
                .params(Timestamp.from(now.plus(properties.lease())), instance, Delivery.State.RECEIVED.name(),
                        Delivery.State.ANSWERING.name(), Delivery.State.ANSWERED.name())
                .update();
    }

    /**
     * Takes over the unfinished deliveries whose lease ran out: their process stopped (a crash, a
     * restart, a replica killed). Each is taken by exactly one process: the conditional update decides.
     */
    public List<Delivery> takeOver() {
        Instant now = clock.instant();
        List<String> ids = jdbc.sql("select id from chat_delivery where state in (?, ?, ?) and lease_until < ? and expires_at > ? "
                        + "order by received_at")
                .params(Delivery.State.RECEIVED.name(), Delivery.State.ANSWERING.name(), Delivery.State.ANSWERED.name(),
                        Timestamp.from(now), Timestamp.from(now))
                .query(String.class).list();
        List<Delivery> taken = new java.util.ArrayList<>();
        for (String id : ids) {
            int won = jdbc.sql("update chat_delivery set owner = ?, lease_until = ? where id = ? and lease_until < ?")
                    .params(instance, Timestamp.from(now.plus(properties.lease())), id, Timestamp.from(now)).update();
            if (won == 1) {
                jdbc.sql("select " + COLUMNS + " from chat_delivery where id = ?").param(id).query(DeliveryLog::row)
                        .optional().ifPresent(taken::add);
            }
        }
        return taken;
    }

    private void purgeExpired() {
        claimsSincePurge.set(0);
        int expired = jdbc.sql("delete from chat_delivery where expires_at <= ?").param(Timestamp.from(clock.instant())).update();
        if (expired > 0) {
            log.info("Forgot {} delivered messages older than {}", expired, properties.dedupeTtl());
        }
    }

    private static Delivery row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Delivery(row.getString("platform"), row.getString("payload"), Delivery.State.valueOf(row.getString("state")),
                row.getInt("attempts"), row.getTimestamp("received_at").toInstant(), row.getTimestamp("expires_at").toInstant(),
                row.getString("reason"));
    }
}
