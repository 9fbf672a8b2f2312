package io.sofastack.qa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bot's jar, run as a separate process on loopback, as a user would run it. */
final class BotProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BotProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * @param jar a packaged jar, run with {@code java <jvmOptions> -jar}; or README's launcher
     *        ({@code ./qa-bot}), run as it is with the options in {@code JAVA_OPTS} (which override its own)
     */
    static BotProcess start(Path jar, List<String> jvmOptions, int port, String corpus, Path indexDir, Path log)
            throws IOException {
        List<String> options = jvmOptions.stream().filter(option -> !option.isBlank()).toList();
        boolean launcher = isLauncher(jar);
        List<String> command = new ArrayList<>();
        if (launcher) {
            command.add(jar.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--qa.corpus.paths=" + corpus, "--qa.index.dir=" + indexDir));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (launcher) {
            builder.environment().put("JAVA_OPTS", String.join(" ", options));
        }
        return new BotProcess(builder.start(), "http://127.0.0.1:" + port);
    }

    /** Whether {@code jar} is README's launcher ({@code ./qa-bot}) rather than a jar to run with {@code java -jar}. */
    static boolean isLauncher(Path jar) {
        return !jar.getFileName().toString().endsWith(".jar");
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until health is UP; returns how long that took from {@code startedNanos}. */
    Duration awaitReady(long startedNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bot exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the bot was not ready within " + timeout);
    }

    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Resident memory, from /proc (Linux). */
    long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** User plus system CPU time of the process so far, in milliseconds, from /proc (Linux). */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10;
    }

    /**
     * CPU time so far by kind of thread (the thread's name without its digits, as Linux shows it: JIT
     * compilers, GC, Tomcat's workers, the answering threads), in milliseconds, from /proc (Linux).
     */
    java.util.Map<String, Long> cpuMillisByThreadKind() throws IOException {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        for (ThreadCpu thread : threadCpu()) {
            byKind.merge(thread.name().replaceAll("[0-9]+", "#"), thread.millis(), Long::sum);
        }
        return byKind;
    }

    /** One thread of the bot: its Linux task id, its name as Linux shows it, its CPU time so far in milliseconds. */
    record ThreadCpu(long task, String name, long millis) {
    }

    /** The CPU time so far of each of the bot's threads that is alive, from /proc (Linux). */
    List<ThreadCpu> threadCpu() throws IOException {
        List<ThreadCpu> threads = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.add(new ThreadCpu(Long.parseLong(task.getFileName().toString()), name,
                            (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10));
                } catch (IOException ended) {
                    // the thread ended while it was being read
                }
            }
        }
        return threads;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
