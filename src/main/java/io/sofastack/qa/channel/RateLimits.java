package io.sofastack.qa.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Limits questions per asker, per conversation and for the whole bot, with Resilience4j rate
 * limiters (one per asker and conversation, kept in a bounded cache). A limited question is refused
 * before any retrieval or LLM call is spent on it.
 */
@Component
public class RateLimits {

    private final RateLimitProperties properties;
    private final RateLimiter global;
    private final Cache<String, RateLimiter> askers;
    private final Cache<String, RateLimiter> conversations;
    private final MeterRegistry meters;

    public RateLimits(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.global = RateLimiter.of("global", config(properties.global(), properties.globalPeriod()));
        this.askers = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.perAskerPeriod().multipliedBy(2)).build();
        this.conversations = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterAccess(properties.perConversationPeriod().multipliedBy(2)).build();
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
        RateLimiter perAsker = askers.get(asker, key -> RateLimiter.of("asker",
                config(properties.perAsker(), properties.perAskerPeriod())));
        Optional<Duration> wait = take(perAsker, "asker");
        if (wait.isEmpty() && conversation != null) {
            RateLimiter perConversation = conversations.get(conversation, key -> RateLimiter.of("conversation",
                    config(properties.perConversation(), properties.perConversationPeriod())));
            wait = take(perConversation, "conversation");
        }
        return wait.isPresent() ? wait : take(global, "global");
    }

    private Optional<Duration> take(RateLimiter limiter, String scope) {
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        meters.counter("qa.ratelimit.rejections", "scope", scope).increment();
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000_000L)));
    }

    private static RateLimiterConfig config(int permits, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }
}
