package io.sofastack.qa.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the class data archive that {@code ./qa-bot} starts with: the packaged
 * jar is started on {@code data/}, asked a few questions over HTTP as a user would, and stopped; the
 * JVM then writes every class it loaded into the archive. Stopping at a refreshed context instead
 * left out the classes that only the first questions load (Lucene's search, Jackson's serialisers, the
 * answer records), about a thousand, which the first question then read from the jars (README, "Benchmarks").
 *
 * <p>Run by {@code mvn package} (pom.xml, {@code record-class-archive}); arguments {@code jar=}
 * {@code archive=} {@code work=} (a folder for the run's index, state and log), all required, and
 * {@code jvm=} (the run command's module options, space-separated).
 */
public final class ClassArchiveTraining {

    /** Questions of each kind the bot meets: answered, in English, off-topic, a greeting. Not evaluation questions. */
    private static final List<String> QUESTIONS = List.of(
            "Seata 的 TC 集群地址怎么配置？",
            "How does SOFAJRaft take a snapshot of the state machine?",
            "MOSN 支持哪些协议？",
            "今天适合去爬山吗？",
            "你好");

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.of(args);
        Path jar = Path.of(required(options, "jar"));
        Path archive = Path.of(required(options, "archive"));
        Path work = Files.createDirectories(Path.of(required(options, "work")));
        Files.deleteIfExists(archive);
        List<String> jvm = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
                "-Dqa.channel.state-dir=" + work.resolve("state"), "-Dqa.rate-limit.enabled=false",
                "-Dlogging.level.root=warn", "-Dspring.main.banner-mode=off"));
        // The run command's module options: a JVM started with other modules than the recording did ignores the archive.
        jvm.addAll(List.of(options.getOrDefault("jvm", "").split(" ")));
        Path log = work.resolve("training.log");
        long started = System.nanoTime();
        try (BotProcess bot = BotProcess.start(jar, jvm, freePort(), "data", work.resolve("index"), log)) {
            bot.awaitReady(started, Duration.ofMinutes(5));
            LoadRun.Result answered = new LoadRun(bot.baseUrl(), AskBenchmark.askBodies(QUESTIONS))
                    .run(1, QUESTIONS.size(), Duration.ofMinutes(2));
            if (answered.errors() > 0 || answered.requests() < QUESTIONS.size()) {
                throw new IllegalStateException(answered.errors() + " of the training questions were not answered with 200; see " + log);
            }
            bot.get("/");
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class data archive at " + archive + "; see " + log);
        }
        System.out.printf("class data archive %s recorded in %.1f s (%d MiB)%n", archive,
                (System.nanoTime() - started) / 1e9, Files.size(archive) >> 20);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("argument " + name + "= is required");
        }
        return value;
    }
}
