package io.sofastack.qa.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of threads of this process, the Linux way: a thread is a task with
 * its own nice value, which any user may raise for its own tasks (Java's thread priorities are ignored
 * on Linux unless the JVM runs as root). Where that is not possible (no {@code /proc}, no
 * {@code renice}) the threads keep their priority, and this is said once.
 */
public class ThreadPriority {

    private static final Logger log = LoggerFactory.getLogger(ThreadPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final int LOWEST = 19;

    private final AtomicBoolean warned = new AtomicBoolean();

    /** The calling thread's nice value. */
    public static int niceOfCurrentThread() throws IOException {
        return niceOf(THREAD_SELF);
    }

    /** A task's nice value: field 19 of its {@code stat} (after the parenthesised name). */
    private static int niceOf(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /**
     * Makes the calling thread this much nicer than it is (capped at the lowest priority).
     *
     * @return whether its priority is now lowered
     */
    public boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        try {
            // /proc/thread-self links to <pid>/task/<tid>.
            String task = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            int target = Math.min(LOWEST, niceOfCurrentThread() + nice);
            renice(target, List.of(task));
            log.debug("Thread {} (task {}) now runs at nice {}", Thread.currentThread().getName(), task, target);
            return true;
        } catch (IOException | RuntimeException e) {
            warnOnce(e);
            return false;
        }
    }

    /**
     * Gives the threads of this process whose Linux name starts with {@code namePrefix} (as
     * {@code /proc/self/task/<tid>/comm} shows it: at most 15 characters) the nice value {@code nice},
     * where theirs is lower. Threads they start later inherit it.
     *
     * @return how many threads were lowered
     */
    public int lowerThreadsNamed(String namePrefix, int nice) {
        int target = Math.min(LOWEST, nice);
        try (Stream<Path> tasks = Files.list(TASKS)) {
            List<String> lowered = new ArrayList<>();
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).startsWith(namePrefix)
                            && niceOf(task) < target) {
                        lowered.add(task.getFileName().toString());
                    }
                } catch (IOException ended) {
                    // the thread ended while it was being read
                }
            }
            if (!lowered.isEmpty()) {
                renice(target, lowered);
                log.debug("Threads named {}… (tasks {}) now run at nice {}", namePrefix, lowered, target);
            }
            return lowered.size();
        } catch (IOException | RuntimeException e) {
            warnOnce(e);
            return 0;
        }
    }

    private static void renice(int nice, List<String> tasks) throws IOException {
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        command.addAll(tasks);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                throw new IOException("renice failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while renice ran", e);
        }
    }

    private void warnOnce(Exception e) {
        if (warned.compareAndSet(false, true)) {
            log.info("Threads keep their scheduling priority ({}): with the cores saturated, webhook acknowledgements "
                    + "get a fair share of them rather than priority", e.toString());
        }
    }
}
