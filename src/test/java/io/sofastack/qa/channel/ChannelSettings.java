package io.sofastack.qa.channel;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import io.sofastack.qa.MigratedH2;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ChannelProperties} as the application defaults them, and a delivery log, for tests that build the parts by hand. */
public final class ChannelSettings {

    private ChannelSettings() {
    }

    public static ChannelProperties defaults(String stateDir) {
        return new ChannelProperties(65536, stateDir, Duration.ofHours(1), 1, 10, 3, 1, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofMinutes(10), 3, Duration.ofSeconds(2), Duration.ofSeconds(30), true, true, 0.7, Duration.ofSeconds(60));
    }

    static ChannelProperties withLease(String stateDir, Duration lease) {
        return new ChannelProperties(65536, stateDir, Duration.ofHours(1), 1, 10, 3, 1, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofMinutes(10), 3, Duration.ofSeconds(2), lease, true, true, 0.7, Duration.ofSeconds(60));
    }

    public static ChannelProperties withTimeouts(Duration connect, Duration read) {
        return new ChannelProperties(65536, "unused", Duration.ofHours(1), 1, 10, 3, 1, connect, read,
                Duration.ofMinutes(10), 3, Duration.ofSeconds(2), Duration.ofSeconds(30), true, true, 0.7, Duration.ofSeconds(60));
    }

    /** The delivery log in the state directory's embedded database, as the application opens it (migrated first). */
    public static DeliveryLog deliveryLog(String stateDir, Clock clock) {
        return deliveryLog(stateDir, clock, Duration.ofSeconds(30));
    }

    /** The same, holding what it claims for {@code lease}. */
    public static DeliveryLog deliveryLog(String stateDir, Clock clock, Duration lease) {
        DataSource database = MigratedH2.at(Path.of(stateDir).resolve("qa-bot"));
        return new DeliveryLog(JdbcClient.create(database), new TransactionTemplate(new DataSourceTransactionManager(database)),
                withLease(stateDir, lease), clock, new SimpleMeterRegistry());
    }
}
