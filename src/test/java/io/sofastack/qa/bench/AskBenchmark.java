package io.sofastack.qa.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of the bot as a user runs it: the packaged jar in its own process on loopback, on the
 * corpus given. It measures the full index build, {@code /api/ask} under closed-loop load at 1, 8 and
 * 32 clients (p50, p99, requests/s), the CPU time one question costs, resident memory, and the time a
 * restart with an unchanged index takes to be ready. Not a test: run it by hand (README), on a quiet machine.
 *
 * <p>Arguments (all optional): {@code corpus=../shared/corpus/sofastack.tech queries=../shared/eval/dev.jsonl
 * jar=target/community-qa-bot-0.1.0-SNAPSHOT.jar port=18080 requests=3000 seconds=30 jvm=-Xmx512m}. Rate limits are off.
 */
public final class AskBenchmark {

    private AskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "target/community-qa-bot-0.1.0-SNAPSHOT.jar"));
        String corpus = options.getOrDefault("corpus", "../shared/corpus/sofastack.tech");
        Path queries = Path.of(options.getOrDefault("queries", "../shared/eval/dev.jsonl"));
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "3000"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        List<String> jvm = new java.util.ArrayList<>(List.of(options.getOrDefault("jvm", "-Xmx512m").split(" ")));
        // One client address sends everything: the per-asker limit would measure itself, not the bot.
        jvm.add("-Dqa.rate-limit.enabled=false");
        Path indexDir = Files.createTempDirectory("qa-bench-index");
        Path log = Files.createTempFile("qa-bench", ".log");
        List<String> bodies = bodies(queries);
        System.out.printf("corpus %s, %d distinct questions, jvm %s, log %s%n", corpus, bodies.size(), jvm, log);

        // 1. A fresh start: the whole archive is read and embedded.
        long started = System.nanoTime();
        try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, indexDir, log)) {
            Duration ready = bot.awaitReady(started, Duration.ofMinutes(10));
            JsonNode index = JsonMapper.builder().build().readTree(bot.get("/api/index"));
            System.out.printf("fresh start to ready: %.1f s (index build %.1f s, %d passages)%n", ready.toMillis() / 1e3,
                    index.get("sync").get("tookMs").asLong() / 1e3, index.get("passages").asInt());
            LoadRun load = new LoadRun(bot.baseUrl(), bodies);
            load.run(4, Math.min(requests, 500), phase);

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
        // 4. A restart on the unchanged index: nothing is re-embedded.
        long restarted = System.nanoTime();
        try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, indexDir, log)) {
            Duration ready = bot.awaitReady(restarted, Duration.ofMinutes(5));
            LoadRun.Result first = new LoadRun(bot.baseUrl(), bodies.subList(0, 1)).run(1, 1, Duration.ofMinutes(1));
            System.out.printf("restart to the first question answered: %.1f s (errors %d)%n",
                    (System.nanoTime() - restarted) / 1e9, first.errors());
            JsonNode index = JsonMapper.builder().build().readTree(bot.get("/api/index"));
            while (index.get("sync") == null) {
                Thread.sleep(100);
                index = JsonMapper.builder().build().readTree(bot.get("/api/index"));
            }
            System.out.printf("restart to ready (unchanged index): %.1f s; its synchronisation re-embedded %d passages%n",
                    ready.toMillis() / 1e3, index.get("sync").get("embedded").asInt());
        }
    }

    private static void print(LoadRun.Result result) {
        System.out.printf("clients=%-2d requests=%-5d errors=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  %.0f req/s%n",
                result.clients(), result.requests(), result.errors(), result.p50Ms(), result.p99Ms(), result.maxMs(),
                result.requestsPerSecond());
    }

    private static List<String> bodies(Path queries) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                bodies.add(json.writeValueAsString(Map.of("question", json.readTree(line).get("query").asString())));
            }
        }
        return bodies;
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
