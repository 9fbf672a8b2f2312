package io.sofastack.qa.retrieval;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code qa.retrieval.max-concurrent} retrievals run at once (by default one per core); the
 * others wait their turn, first come first served, for at most {@code qa.retrieval.queue-timeout}.
 * Retrieval is all CPU: more of them at once than there are cores only makes each slower, and leaves
 * no core for the work that must stay quick (acknowledging a webhook, a health check).
 */
final class RetrievalGate {

    private final Semaphore slots;
    private final Duration timeout;

    RetrievalGate(int maxConcurrent, Duration timeout) {
        this.slots = new Semaphore(maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors(), true);
        this.timeout = timeout;
    }

    <T> T run(java.util.function.Supplier<T> retrieval) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetrievalBusyException(Duration.ZERO);
        }
        if (!acquired) {
            throw new RetrievalBusyException(timeout);
        }
        try {
            return retrieval.get();
        } finally {
            slots.release();
        }
    }
}
