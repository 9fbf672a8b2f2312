package io.sofastack.qa.retrieval;

import io.sofastack.qa.cpu.ThreadPriority;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code qa.retrieval.max-concurrent} retrievals run at once (by default one per core); the
 * others wait their turn, first come first served, for at most {@code qa.retrieval.queue-timeout}.
 * Retrieval is all CPU: more of them at once than there are cores only makes each slower.
 *
 * <p>They run on the gate's own threads, which lower their scheduling priority by
 * {@code qa.retrieval.nice} ({@link ThreadPriority}): when the cores are saturated by questions, the
 * work that must stay quick (acknowledging a webhook within the platform's deadline, a health check)
 * still gets a core at once instead of a fair share of one, and the questions lose nothing when it is
 * idle.
 */
final class RetrievalGate implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final Semaphore slots;
    private final Duration timeout;
    private final ExecutorService workers;

    RetrievalGate(int maxConcurrent, Duration timeout, ThreadPriority priority, int nice) {
        int threads = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(threads, true);
        this.timeout = timeout;
        CountDownLatch loweredThreads = new CountDownLatch(threads);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads,
                lowered(priority, nice, loweredThreads));
        // Started now, so that lowering their priority is not a first question's wait; waited for, so
        // that no question can reach a worker whose priority is still being lowered.
        pool.prestartAllCoreThreads();
        this.workers = pool;
        awaitQuietly(loweredThreads);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the retrieval threads did not start within " + STARTUP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the retrieval on one of the gate's threads once a slot is free, and returns what it gives. */
    <T> T run(Supplier<T> retrieval) {
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
        Future<T> running = null;
        try {
            // A free slot means a free worker: there are as many of them, so nothing queues here.
            running = workers.submit(retrieval::get);
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // The asker gave up: its slot is given back, so its retrieval must not go on beside the next one.
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new RetrievalBusyException(Duration.ZERO);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory lowered(ThreadPriority priority, int nice, CountDownLatch loweredThreads) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                try {
                    priority.lowerCurrentThread(nice);
                } finally {
                    loweredThreads.countDown();
                }
                task.run();
            }, "retrieval-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
