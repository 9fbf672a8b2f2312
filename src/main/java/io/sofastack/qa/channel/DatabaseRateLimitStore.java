package io.sofastack.qa.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Permits counted in the shared database, so that a limit holds across replicas: fixed windows of
 * the period, one row per key and window, taken with a conditional update (or the insert of the
 * window's first permit), each one statement the database makes atomic. Old windows are deleted now
 * and then.
 */
final class DatabaseRateLimitStore implements RateLimitStore {

    private static final int PURGE_EVERY_TAKES = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration longestPeriod;
    private final AtomicInteger takesSincePurge = new AtomicInteger();

    DatabaseRateLimitStore(JdbcClient jdbc, Clock clock, Duration longestPeriod) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.longestPeriod = longestPeriod;
    }

    @Override
    public Optional<Duration> take(String key, int permits, Duration period) {
        Instant now = clock.instant();
        long periodMillis = Math.max(1, period.toMillis());
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / periodMillis * periodMillis);
        if (takesSincePurge.incrementAndGet() >= PURGE_EVERY_TAKES) {
            takesSincePurge.set(0);
            jdbc.sql("delete from rate_limit_window where window_start < ?")
                    .param(Timestamp.from(now.minus(longestPeriod.multipliedBy(2)))).update();
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            int taken = jdbc.sql("update rate_limit_window set used = used + 1 where limit_key = ? and window_start = ? and used < ?")
                    .params(key, Timestamp.from(windowStart), permits).update();
            if (taken == 1) {
                return Optional.empty();
            }
            boolean windowExists = jdbc.sql("select count(*) from rate_limit_window where limit_key = ? and window_start = ?")
                    .params(key, Timestamp.from(windowStart)).query(Integer.class).single() > 0;
            if (windowExists) {
                break;
            }
            try {
                jdbc.sql("insert into rate_limit_window (limit_key, window_start, used) values (?, ?, 1)")
                        .params(key, Timestamp.from(windowStart)).update();
                return Optional.empty();
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                // its row exists now: take from it
            }
        }
        return Optional.of(Duration.between(now, windowStart.plusMillis(periodMillis)));
    }
}
