package io.sofastack.qa.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits questions per asker, per conversation and for the whole bot. The permits are counted in this
 * process ({@code qa.rate-limit.store=memory}, Resilience4j) or in the shared database
 * ({@code database}: the limits then hold across replicas). A limited question is refused before any
 * retrieval or LLM call is spent on it.
 */
@Component
public class RateLimits {

    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final MeterRegistry meters;

    public RateLimits(RateLimitProperties properties, MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.meters = meters;
        Duration longest = Stream.of(properties.perAskerPeriod(), properties.perConversationPeriod(), properties.globalPeriod())
                .max(Duration::compareTo).orElseThrow();
        this.store = properties.store() == RateLimitProperties.Store.DATABASE
                ? new DatabaseRateLimitStore(jdbc, clock, longest)
                : new MemoryRateLimitStore(properties.trackedKeys(), longest);
    }

    /**
     * Takes a permit for one question; when any limit is reached, returns how long to wait instead.
     *
     * @param conversation the chat the question was asked in, or {@code null} for the HTTP API
     */
    public Optional<Duration> acquire(String asker, String conversation) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Optional<Duration> wait = take("asker", "asker:" + asker, properties.perAsker(), properties.perAskerPeriod());
        if (wait.isEmpty() && conversation != null) {
            wait = take("conversation", "conversation:" + conversation, properties.perConversation(),
                    properties.perConversationPeriod());
        }
        return wait.isPresent() ? wait : take("global", "global", properties.global(), properties.globalPeriod());
    }

    private Optional<Duration> take(String scope, String key, int permits, Duration period) {
        Optional<Duration> wait = store.take(key, permits, period);
        if (wait.isEmpty()) {
            return wait;
        }
        meters.counter("qa.ratelimit.rejections", "scope", scope).increment();
        return Optional.of(wait.get().compareTo(AT_LEAST) < 0 ? AT_LEAST : wait.get());
    }
}
