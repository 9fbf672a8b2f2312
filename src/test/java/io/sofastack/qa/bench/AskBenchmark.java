package io.sofastack.qa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.Passage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of the bot as a user runs it: README's run command ({@code ./qa-bot}, or a jar given)
 * in its own process on loopback, on the corpus given. It measures the full index build, {@code /api/ask} under closed-loop load at 1, 8 and
 * 32 clients (p50, p99, requests/s), the CPU time one question costs, resident memory, and the time a
 * restart with an unchanged index takes to be ready and to answer its first question ({@code restarts}
 * times, the median reported: one restart varies by a few tenths of a second here). Not a test: run it by hand (README), on a quiet machine.
 *
 * <p>Arguments (all optional): {@code corpus=../shared/corpus/sofastack.tech queries=archive
 * jar=./qa-bot port=18080 requests=3000 seconds=30 warmup=20000 jitQuiet=0.2 restarts=5 jvm= index=<dir>}: {@code jar} may name a
 * packaged jar instead (run with {@code java <jvm> -jar}); {@code jvm} options are passed either way.
 * {@code queries=archive} asks every distinct first question of the corpus's Q&amp;A threads, cut to 120
 * characters (nothing repeats within a phase, so no cache can flatter it); a {@code .jsonl} file asks its
 * {@code query} fields. {@code index} reuses an index folder built before (the fresh build is then not
 * measured). Before the load, the benchmark measures the embedding model alone in its own process
 * (the same questions, one ONNX thread per call, one call per core at a time): the ceiling of
 * questions per second, since every question costs one embedding. Rate limits are off. The load
 * starts once the JIT has settled ({@code warmup} questions at most, until a round of them costs its
 * compilers under {@code jitQuiet} ms of CPU a question; {@code jitQuiet=0}: exactly {@code warmup}).
 */
public final class AskBenchmark {

    private static final int WARM_UP_ROUND = 500;

    private AskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "./qa-bot"));
        String corpus = options.getOrDefault("corpus", "../shared/corpus/sofastack.tech");
        String queries = options.getOrDefault("queries", "archive");
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "3000"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        List<String> jvm = new java.util.ArrayList<>(List.of(options.getOrDefault("jvm", "").split(" ")));
        // One client address sends everything: the per-asker limit would measure itself, not the bot.
        jvm.add("-Dqa.rate-limit.enabled=false");
        Path indexDir = options.containsKey("index") ? Path.of(options.get("index")) : Files.createTempDirectory("qa-bench-index");
        Path log = Files.createTempFile("qa-bench", ".log");
        List<String> questions = queries.equals("archive") ? archiveQuestions(corpus) : evalQuestions(Path.of(queries));
        List<String> bodies = askBodies(questions);
        System.out.printf("corpus %s, %d distinct questions, jvm %s, log %s%n", corpus, bodies.size(), jvm, log);
        EmbeddingCeiling.Result ceiling = EmbeddingCeiling.measure(questions, Runtime.getRuntime().availableProcessors());
        System.out.printf("embedding model alone: %.2f ms per question on one thread; %.0f questions/s on %d cores (the ceiling)%n",
                ceiling.singleMs(), ceiling.perSecond(), ceiling.cores());

        // 1. A fresh start: the whole archive is read and embedded.
        long started = System.nanoTime();
        try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, indexDir, log)) {
            Duration ready = bot.awaitReady(started, Duration.ofMinutes(10));
            JsonNode index = synchronised(bot);
            System.out.printf((options.containsKey("index") ? "start on the index given" : "fresh start")
                            + " to ready: %.1f s (index synchronisation %.1f s, %d passages)%n", ready.toMillis() / 1e3,
                    index.get("sync").get("tookMs").asLong() / 1e3, index.get("passages").asInt());
            LoadRun load = new LoadRun(bot.baseUrl(), bodies);
            warmUp(bot, load, Integer.parseInt(options.getOrDefault("warmup", "20000")),
                    Double.parseDouble(options.getOrDefault("jitQuiet", "0.2")));

            // 2. One client: latency, and the CPU time one question costs.
            long cpuBefore = bot.cpuMillis();
            LoadRun.Result single = load.run(1, requests, phase);
            double cpuPerQuestion = (bot.cpuMillis() - cpuBefore) / (double) single.requests();
            print(single);
            System.out.printf("CPU per question (server, 1 client): %.1f ms%n", cpuPerQuestion);
            // 3. Concurrency.
            print(load.run(8, requests, phase));
            print(load.run(32, requests, phase));
            System.out.printf("resident memory after load: %d MiB%n", bot.residentKib() / 1024);
        }
        // 4. Restarts on the unchanged index: nothing is re-embedded. Each asks another question first.
        int restarts = Integer.parseInt(options.getOrDefault("restarts", "5"));
        List<Double> readySeconds = new ArrayList<>();
        List<Double> firstAnswerSeconds = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            long restarted = System.nanoTime();
            try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, indexDir, log)) {
                Duration ready = bot.awaitReady(restarted, Duration.ofMinutes(5));
                LoadRun.Result first = new LoadRun(bot.baseUrl(), bodies.subList(i % bodies.size(), i % bodies.size() + 1))
                        .run(1, 1, Duration.ofMinutes(1));
                double firstAnswer = (System.nanoTime() - restarted) / 1e9;
                JsonNode index = synchronised(bot);
                System.out.printf("restart %d: ready %.2f s, first answer %.2f s (errors %d); its synchronisation re-embedded %d passages%n",
                        i + 1, ready.toMillis() / 1e3, firstAnswer, first.errors(), index.get("sync").get("embedded").asInt());
                readySeconds.add(ready.toMillis() / 1e3);
                firstAnswerSeconds.add(firstAnswer);
            }
        }
        if (restarts > 0) {
            System.out.printf("restart, unchanged index, median of %d: ready %.2f s, first answer %.2f s%n",
                    restarts, median(readySeconds), median(firstAnswerSeconds));
        }
    }

    /**
     * Asks questions at 4 clients, in rounds of {@link #WARM_UP_ROUND}, until a round costs the JIT's
     * compiler threads less than {@code quietMs} of CPU a question, or {@code maxQuestions} were asked
     * ({@code quietMs} 0: exactly {@code maxQuestions}). Its C2 threads run at nice 19
     * (qa.cpu.compiler-nice), so under a load that fills both cores they compile slowly: after 1,500
     * questions they were still taking about 4 ms of CPU a question here (README, "Benchmarks"), and a
     * measurement then says how fast the code was half compiled, not how fast the bot runs.
     */
    private static void warmUp(BotProcess bot, LoadRun load, int maxQuestions, double quietMs) throws Exception {
        int asked = 0;
        while (asked < maxQuestions) {
            int round = quietMs > 0 ? Math.min(WARM_UP_ROUND, maxQuestions - asked) : maxQuestions;
            Map<Long, Long> compilersBefore = compilerCpuMillis(bot);
            LoadRun.Result result = load.run(4, round, Duration.ofMinutes(2));
            asked += result.requests();
            // By thread: the JVM stops compiler threads it no longer needs, and a sum over the threads alive
            // would then fall.
            long spent = 0;
            for (Map.Entry<Long, Long> compiler : compilerCpuMillis(bot).entrySet()) {
                spent += compiler.getValue() - compilersBefore.getOrDefault(compiler.getKey(), 0L);
            }
            double compilerMs = spent / (double) Math.max(1, result.requests());
            System.out.printf("warm-up: %d questions, the JIT's compilers %.2f ms of CPU a question in the last %d%n",
                    asked, compilerMs, result.requests());
            if (quietMs > 0 && compilerMs < quietMs || result.requests() == 0) {
                return;
            }
        }
    }

    /** CPU time so far of each JIT compiler thread alive, by task id (Linux names them "C1 CompilerThre", "C2 CompilerThre"). */
    private static Map<Long, Long> compilerCpuMillis(BotProcess bot) throws IOException {
        Map<Long, Long> byTask = new java.util.HashMap<>();
        for (BotProcess.ThreadCpu thread : bot.threadCpu()) {
            if (thread.name().endsWith("CompilerThre")) {
                byTask.put(thread.task(), thread.millis());
            }
        }
        return byTask;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The index status once the start's synchronisation is done (an index already there serves before). */
    private static JsonNode synchronised(BotProcess bot) throws Exception {
        JsonNode index = JsonMapper.builder().build().readTree(bot.get("/api/index"));
        while (index.get("sync") == null) {
            Thread.sleep(100);
            index = JsonMapper.builder().build().readTree(bot.get("/api/index"));
        }
        return index;
    }

    private static void print(LoadRun.Result result) {
        System.out.printf("clients=%-2d requests=%-5d errors=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  %.0f req/s%n",
                result.clients(), result.requests(), result.errors(), result.p50Ms(), result.p99Ms(), result.maxMs(),
                result.requestsPerSecond());
    }

    /** The questions as ask-API request bodies. */
    static List<String> askBodies(List<String> questions) {
        JsonMapper json = JsonMapper.builder().build();
        return questions.stream().map(question -> json.writeValueAsString(Map.of("question", question))).toList();
    }

    private static List<String> evalQuestions(Path queries) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                questions.add(json.readTree(line).get("query").asString());
            }
        }
        return questions;
    }

    /** The first question of every Q&amp;A thread of the corpus, cut to 120 characters, each once. */
    static List<String> archiveQuestions(String corpus) {
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        for (Passage thread : new CorpusReader(CorpusProperties.of(List.of(corpus))).read().threads()) {
            String question = thread.question().replaceAll("\\s+", " ").strip();
            distinct.add(question.length() <= 120 ? question : question.substring(0, 120));
        }
        return List.copyOf(distinct);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
