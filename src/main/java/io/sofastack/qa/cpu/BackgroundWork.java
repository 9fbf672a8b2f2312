package io.sofastack.qa.cpu;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Work handed to another thread, seen from the thread that waits for it. */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /**
     * What the work gave once it is done, or the exception it threw, as it threw it (a checked one,
     * which {@link Runnable}s and {@code Supplier}s cannot throw, wrapped in an {@link IllegalStateException}).
     */
    public static <T> T resultOf(Future<T> running) throws InterruptedException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
