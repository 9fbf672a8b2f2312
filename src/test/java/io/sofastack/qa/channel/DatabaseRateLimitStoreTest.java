package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.MigratedH2;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rate limits counted in the shared database hold across the replicas that share it. */
class DatabaseRateLimitStoreTest {

    private static final Instant WINDOW = Instant.parse("2026-01-01T00:01:00Z");

    @TempDir
    Path dir;

    private JdbcClient database() {
        return JdbcClient.create(MigratedH2.at(dir.resolve("qa-bot")));
    }

    private DatabaseRateLimitStore replica(JdbcClient jdbc, Instant now) {
        return new DatabaseRateLimitStore(jdbc, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));
    }

    @Test
    void twoReplicasShareOneLimit() {
        JdbcClient jdbc = database();
        DatabaseRateLimitStore first = replica(jdbc, WINDOW.plusSeconds(10));
        DatabaseRateLimitStore second = replica(jdbc, WINDOW.plusSeconds(10));

        List<Optional<Duration>> taken = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            taken.add((i % 2 == 0 ? first : second).take("conversation:slack:C1", 5, Duration.ofMinutes(1)));
        }

        assertThat(taken.subList(0, 5)).allMatch(Optional::isEmpty);
        assertThat(taken.get(5)).as("the sixth question of the minute waits for the next window").hasValue(Duration.ofSeconds(50));
        assertThat(second.take("conversation:slack:C2", 5, Duration.ofMinutes(1))).as("another key has its own").isEmpty();
        assertThat(replica(jdbc, WINDOW.plusSeconds(61)).take("conversation:slack:C1", 5, Duration.ofMinutes(1)))
                .as("a new window").isEmpty();
    }
}
