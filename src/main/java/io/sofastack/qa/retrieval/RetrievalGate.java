package io.sofastack.qa.retrieval;

import io.sofastack.qa.cpu.BackgroundWork;
import io.sofastack.qa.cpu.ThreadPriority;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
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
 * idle. A retrieval may hand part of its work to one of as many helper threads, of the same priority
 * ({@link #beside}), to overlap with its own.
 */
final class RetrievalGate implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final Semaphore slots;
    private final Duration timeout;
    private final ExecutorService workers;
    private final ExecutorService helpers;

    RetrievalGate(int maxConcurrent, Duration timeout, ThreadPriority priority, int nice) {
        int threads = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(threads, true);
        this.timeout = timeout;
        CountDownLatch loweredThreads = new CountDownLatch(2 * threads);
        this.workers = started(threads, lowered("retrieval-", priority, nice, loweredThreads));
        this.helpers = started(threads, lowered("retrieval-helper-", priority, nice, loweredThreads));
        // Waited for, so that no question can reach a thread whose priority is still being lowered.
        awaitQuietly(loweredThreads);
    }

    /** Started now, so that lowering their priority is not a first question's wait. */
    private static ExecutorService started(int threads, ThreadFactory factory) {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, factory);
        pool.prestartAllCoreThreads();
        return pool;
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
            return BackgroundWork.resultOf(running);
        } catch (InterruptedException e) {
            // The asker gave up: its slot is given back, so its retrieval must not go on beside the next one.
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new RetrievalBusyException(Duration.ZERO);
        } finally {
            slots.release();
        }
    }

    /**
     * Starts {@code work} on a helper thread, for a retrieval that goes on meanwhile and takes the
     * result later. Helpers never wait for the gate, so a retrieval waiting for one cannot deadlock.
     */
    <T> Future<T> beside(Supplier<T> work) {
        return helpers.submit(work::get);
    }

    /** The helper threads, for work a retrieval shares with them only when one is free (the vector scan). */
    Executor helpers() {
        return helpers;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        helpers.shutdownNow();
    }

    private static ThreadFactory lowered(String name, ThreadPriority priority, int nice, CountDownLatch loweredThreads) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                try {
                    priority.lowerCurrentThread(nice);
                } finally {
                    loweredThreads.countDown();
                }
                task.run();
            }, name + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
