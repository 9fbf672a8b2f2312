package io.sofastack.qa.retrieval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling thread, the Linux way: a thread is a task with its
 * own nice value, which any user may raise for its own tasks (Java's thread priorities are ignored on
 * Linux unless the JVM runs as root). Where that is not possible (no {@code /proc/thread-self}, no
 * {@code renice}) the thread keeps its priority, and this is said once.
 */
class ThreadPriority {

    private static final Logger log = LoggerFactory.getLogger(ThreadPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final int LOWEST = 19;

    private final AtomicBoolean warned = new AtomicBoolean();

    /** The calling thread's nice value: field 19 of its {@code stat} (after the parenthesised name). */
    static int niceOfCurrentThread() throws IOException {
        String stat = Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.US_ASCII);
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /**
     * Makes the calling thread this much nicer than it is (capped at the lowest priority).
     *
     * @return whether its priority is now lowered
     */
    boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        try {
            // /proc/thread-self links to <pid>/task/<tid>.
            String task = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            int target = Math.min(LOWEST, niceOfCurrentThread() + nice);
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(target), "-p", task)
                    .redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                throw new IOException("renice failed: " + output);
            }
            log.debug("Thread {} (task {}) now runs at nice {}", Thread.currentThread().getName(), task, target);
            return true;
        } catch (IOException | RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                log.info("Retrieval threads keep their scheduling priority ({}): with the cores saturated by questions, "
                        + "webhook acknowledgements get a fair share of them rather than priority", e.toString());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
