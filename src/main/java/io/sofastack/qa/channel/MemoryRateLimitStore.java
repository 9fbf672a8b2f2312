package io.sofastack.qa.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/** Permits counted in this process with Resilience4j rate limiters, one per key in a bounded cache. */
final class MemoryRateLimitStore implements RateLimitStore {

    private final Cache<String, RateLimiter> limiters;

    MemoryRateLimitStore(int trackedKeys, Duration longestPeriod) {
        this.limiters = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterAccess(longestPeriod.multipliedBy(2)).build();
    }

    @Override
    public Optional<Duration> take(String key, int permits, Duration period) {
        RateLimiter limiter = limiters.get(key, any -> RateLimiter.of("qa", RateLimiterConfig.custom()
                .limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build()));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
        return Optional.of(Duration.ofNanos(nanos));
    }
}
