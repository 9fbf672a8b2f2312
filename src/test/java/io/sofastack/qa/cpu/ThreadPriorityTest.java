package io.sofastack.qa.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {

    @BeforeEach
    void onLinuxOnly() {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "no /proc/thread-self: not Linux, thread priorities are not lowered here");
    }

    @Test
    void aThreadIsMadeNicerThanItWas() throws Exception {
        int[] nice = new int[3];
        Thread thread = new Thread(() -> {
            nice[0] = niceOfCurrentThread();
            nice[2] = new ThreadPriority().lowerCurrentThread(3) ? 1 : 0;
            nice[1] = niceOfCurrentThread();
        });
        thread.start();
        thread.join();
        assertThat(nice[2]).as("lowered").isEqualTo(1);
        assertThat(nice[1]).isEqualTo(Math.min(19, nice[0] + 3));
        assertThat(new ThreadPriority().lowerCurrentThread(0)).isFalse();
    }

    @Test
    void threadsAreFoundByTheirNameAndOnlyThoseAreLowered() throws Exception {
        CountDownLatch lowered = new CountDownLatch(1);
        AtomicInteger namedNice = new AtomicInteger(-100);
        AtomicInteger otherNice = new AtomicInteger(-100);
        // A new thread starts with the nice value of the thread that creates it.
        int before = niceOfCurrentThread();
        assumeTrue(before < 19, "this test already runs at the lowest priority");
        int target = Math.min(19, before + 5);
        Thread named = waitingThread("prio-test-low", lowered, namedNice);
        Thread other = waitingThread("prio-test-keep", lowered, otherNice);

        int count = new ThreadPriority().lowerThreadsNamed("prio-test-lo", target);
        lowered.countDown();
        named.join();
        other.join();

        assertThat(count).isEqualTo(1);
        assertThat(namedNice.get()).isEqualTo(target);
        assertThat(otherNice.get()).as("a thread of another name keeps its priority").isEqualTo(before);
        assertThat(new ThreadPriority().lowerThreadsNamed("no-such-thread", 19)).isZero();
    }

    /** A started thread of that name that, once released, records its own nice value. */
    private static Thread waitingThread(String name, CountDownLatch release, AtomicInteger nice) {
        CountDownLatch running = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nice.set(niceOfCurrentThread());
        }, name);
        thread.start();
        try {
            running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return thread;
    }

    private static int niceOfCurrentThread() {
        try {
            return ThreadPriority.niceOfCurrentThread();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
