package io.sofastack.qa.channel;

import java.time.Duration;
import java.util.Optional;

/** Where the permits of the rate limits are counted: in this process, or in the shared database. */
interface RateLimitStore {

    /** Takes one of {@code permits} per {@code period} for {@code key}; when none is left, how long to wait. */
    Optional<Duration> take(String key, int permits, Duration period);
}
