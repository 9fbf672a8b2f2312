package io.sofastack.qa.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN until the index is ready, then UP with the number of searchable passages; UP with a
 * {@code degraded} detail while the last committed index is served because a synchronisation failed
 * or was refused (the bot still answers, from what it knew).
 */
@Component("index")
class IndexHealthIndicator implements HealthIndicator {

    private final ArchiveIndexer indexer;

    IndexHealthIndicator(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public Health health() {
        IndexStatus status = indexer.status();
        Health.Builder health = status.ready() ? Health.up() : Health.down();
        health.withDetail("state", status.state()).withDetail("passages", status.passages());
        if (status.degraded()) {
            health.withDetail("degraded", status.error());
        }
        return health.build();
    }
}
