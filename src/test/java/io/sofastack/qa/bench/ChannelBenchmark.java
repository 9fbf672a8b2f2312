package io.sofastack.qa.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.channel.ChatMessages;
import io.sofastack.qa.channel.LocalPostgres;
import io.sofastack.qa.channel.SignedRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The chat channels under load, as a user runs the bot: the packaged jar on the full corpus, with
 * WireMock on 127.0.0.1 standing in for Slack, DingTalk and an LLM that takes 5 s. It sends 100 signed
 * Slack mentions and 100 signed DingTalk messages from 16 concurrent clients and measures the
 * acknowledgement latency; then checks that each was answered exactly once, that redeliveries (also
 * after a restart) add no reply, and that forged and stale requests are refused with none.
 *
 * <p>Arguments (optional): {@code corpus=../shared/corpus/sofastack.tech jar=target/community-qa-bot-0.1.0-SNAPSHOT.jar
 * port=18081 deliveries=100 clients=16 llmDelayMillis=5000 database=h2 warmup=32 jvm=-Dname=value jfr=/tmp/channels}};
 * {@code warmup} messages per platform are sent and answered before anything is measured; {@code jfr} records each
 * bot process with Flight Recorder into {@code /tmp/channels-1.jfr} and {@code -2.jfr}; {@code database=postgres} keeps the
 * delivery log in a PostgreSQL server the benchmark starts from the machine's binaries. {@code askClients=32}
 * loads {@code /api/ask} from that many clients (the corpus's distinct questions, rate limits off) while the first
 * Slack and DingTalk bursts are acknowledged, after {@code askWarmup=120} seconds of that load alone (the JIT compiles
 * the ask path meanwhile, rather than during the bursts: 30 s were not enough on a slow day); {@code index=<dir>} reuses an index folder built before;
 * {@code llm=none} runs the bot without the LLM stub, so that every answer (and every ask) is extractive.
 */
public final class ChannelBenchmark {

    /** Warm-up messages sent per platform before their replies are awaited: two platforms' worth stay under the answer queue. */
    private static final int WARM_UP_BATCH = 200;

    private ChannelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.of(args);
        Path jar = Path.of(options.getOrDefault("jar", "target/community-qa-bot-0.1.0-SNAPSHOT.jar"));
        String corpus = options.getOrDefault("corpus", "../shared/corpus/sofastack.tech");
        int port = Integer.parseInt(options.getOrDefault("port", "18081"));
        int deliveries = Integer.parseInt(options.getOrDefault("deliveries", "100"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int llmDelay = Integer.parseInt(options.getOrDefault("llmDelayMillis", "5000"));
        String database = options.getOrDefault("database", "h2");
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "32"));
        // Clients that load /api/ask while the first bursts are acknowledged: acks must not wait behind retrievals.
        int askClients = Integer.parseInt(options.getOrDefault("askClients", "0"));
        long askWarmupSeconds = Long.parseLong(options.getOrDefault("askWarmup", "120"));
        // llm=none: every answer extractive, so the ask load is bound by retrieval (the CPU), not by the LLM stub.
        boolean withLlm = !"none".equals(options.getOrDefault("llm", "stub"));
        LocalPostgres postgres = database.equals("postgres")
                ? LocalPostgres.start(LocalPostgres.binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed")))
                : null;

        WireMockServer platforms = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(64));
        platforms.start();
        try {
            String base = "http://127.0.0.1:" + platforms.port();
            platforms.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true}")));
            platforms.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\": 0}")));
            platforms.stubFor(post(urlPathEqualTo(LlmStub.PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(llmDelay)
                    .withBody(LlmStub.completion("按来源 [1] 的说法处理。"))));
            Path state = Files.createTempDirectory("qa-bench-state");
            Path index = options.containsKey("index") ? Path.of(options.get("index")) : Files.createTempDirectory("qa-bench-index");
            Path log = Files.createTempFile("qa-channel-bench", ".log");
            // A jar gets a heap limit; README's launcher (jar=./qa-bot) keeps its own memory settings.
            List<String> jvm = new ArrayList<>(BotProcess.isLauncher(jar) ? List.of() : List.of("-Xmx512m"));
            jvm.addAll(List.of(
                    "-Dqa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "-Dqa.slack.bot-token=xoxb-bench",
                    "-Dqa.slack.api-base-url=" + base + "/api",
                    "-Dqa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "-Dqa.dingtalk.robot-code=ding-robot", "-Dqa.dingtalk.allowed-webhook-hosts=127.0.0.1",
                    "-Dqa.channel.state-dir=" + state));
            if (withLlm) {
                jvm.addAll(List.of("-Dspring.ai.model.chat=openai", "-Dspring.ai.openai.base-url=" + base + "/v1",
                        "-Dspring.ai.openai.api-key=bench", "-Dspring.ai.openai.chat.model=bench-model",
                        "-Dqa.answer.llm-timeout=20s"));
            }
            for (String extra : options.getOrDefault("jvm", "").split(" ")) {
                if (!extra.isBlank()) {
                    jvm.add(extra);
                }
            }
            if (askClients > 0) {
                jvm.add("-Dqa.rate-limit.enabled=false"); // the ask load comes from one address
            }
            if (postgres != null) {
                jvm.add("-Dspring.datasource.url=" + postgres.url());
                jvm.add("-Dspring.datasource.username=qa");
            }
            System.out.printf("corpus %s, LLM delayed %d ms, %d deliveries per platform from %d clients, delivery log in %s, "
                    + "%d warm-up messages per platform first, log %s%n", corpus, llmDelay, deliveries, clients, database, warmup, log);

            List<String> slack = new ArrayList<>();
            List<String> dingTalk = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                slack.add(ChatMessages.slackMention("EvBench" + i, "1700000000." + (100000 + i), null));
                dingTalk.add(ChatMessages.dingTalk("msg-bench-" + i, base + "/robot/sendBySession?session=" + i,
                        Instant.now().plusSeconds(5400)));
            }
            // Read before the bot starts: reading the corpus takes seconds of this process's CPU, which must
            // not overlap the bursts measured below.
            List<String> askBodies = askClients == 0 ? List.of() : AskBenchmark.askBodies(AskBenchmark.archiveQuestions(corpus));
            try (BotProcess bot = BotProcess.start(jar, flightRecorded(jvm, options.get("jfr"), 1), port, corpus, index, log)) {
                bot.awaitReady(System.nanoTime(), Duration.ofMinutes(10));
                SignedRequests requests = new SignedRequests(port);
                // Warm up the JIT on the same paths first, with messages the counts below leave out: a bot
                // that has been up for a while has compiled its webhook path; one just started has not.
                List<String> warmSlack = new ArrayList<>();
                List<String> warmDingTalk = new ArrayList<>();
                for (int i = 0; i < warmup; i++) {
                    warmSlack.add(ChatMessages.slackMention("EvWarm" + i, "1699000000." + (100000 + i), null));
                    warmDingTalk.add(ChatMessages.dingTalk("msg-warm-" + i, base + "/robot/sendBySession?session=warm",
                            Instant.now().plusSeconds(5400)));
                }
                // In batches that the answer queue (qa.channel.answer-queue, 500) holds: thousands sent at once
                // would be refused as busy, and the replies waited for would never come.
                for (int from = 0; from < warmup; from += WARM_UP_BATCH) {
                    int to = Math.min(warmup, from + WARM_UP_BATCH);
                    run(clients, warmSlack.subList(from, to), body -> requests.slackEvent(body));
                    run(clients, warmDingTalk.subList(from, to), body -> requests.dingTalk(body, Instant.now()));
                    awaitReplies(platforms, to, Duration.ofMinutes(5));
                }
                waitForReplies(platforms, warmSlack.size(), Duration.ofMinutes(5));

                platforms.resetRequests();
                java.util.concurrent.ExecutorService asking = Executors.newSingleThreadExecutor();
                java.util.concurrent.atomic.AtomicBoolean acked = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.Future<LoadRun.Result> askLoad = askClients == 0 ? null : asking.submit(() -> {
                    LoadRun load = new LoadRun(bot.baseUrl(), askBodies);
                    LoadRun.Result result = null;
                    while (!acked.get()) {
                        result = load.run(askClients, 100_000, Duration.ofSeconds(5));
                    }
                    return result;
                });
                if (askLoad != null) {
                    // The ask load saturates the cores first, long enough for its own path to be compiled.
                    Thread.sleep(Duration.ofSeconds(askWarmupSeconds).toMillis());
                }
                Acks slackAcks = report("Slack app_mention ack", bot, () -> run(clients, slack, body -> requests.slackEvent(body)));
                Acks dingTalkAcks = report("DingTalk message ack", bot, () -> run(clients, dingTalk, body -> requests.dingTalk(body, Instant.now())));
                long[] both = java.util.stream.LongStream.concat(Arrays.stream(slackAcks.nanos()), Arrays.stream(dingTalkAcks.nanos())).sorted().toArray();
                System.out.printf("both first deliveries    n=%d  p50=%.1f ms  p99=%.1f ms%n", both.length, millisAt(both, 0.5), millisAt(both, 0.99));
                if (askLoad != null) {
                    acked.set(true);
                    LoadRun.Result load = askLoad.get();
                    System.out.printf("meanwhile /api/ask from %d clients (its last 5 s): %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                            askClients, load.requestsPerSecond(), load.p50Ms(), load.p99Ms(), load.errors());
                }
                asking.shutdownNow();
                waitForReplies(platforms, deliveries, Duration.ofMinutes(5));
                System.out.printf("replies after first delivery: Slack %d, DingTalk %d (expected %d each)%n",
                        replies(platforms, "/api/chat.postMessage"), replies(platforms, "/robot/sendBySession"), deliveries);
                report("Slack redelivery ack", bot, () -> run(clients, slack, body -> requests.slack("/webhooks/slack/events",
                        "application/json", body, Instant.now(), "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
                report("DingTalk redelivery ack", bot, () -> run(clients, dingTalk, body -> requests.dingTalk(body, Instant.now())));
            }
            try (BotProcess bot = BotProcess.start(jar, flightRecorded(jvm, options.get("jfr"), 2), port, corpus, index, log)) {
                bot.awaitReady(System.nanoTime(), Duration.ofMinutes(5));
                SignedRequests requests = new SignedRequests(port);
                run(clients, slack, body -> requests.slack("/webhooks/slack/events", "application/json", body, Instant.now(),
                        "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));
                run(clients, dingTalk, body -> requests.dingTalk(body, Instant.now()));
                List<String> fresh = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    fresh.add(ChatMessages.slackMention("EvForged" + i, "1700000001." + (100000 + i), null));
                }
                long stale = run(clients, fresh, body -> requests.slack("/webhooks/slack/events", "application/json", body,
                        Instant.now().minusSeconds(600))).statusCount(401);
                long forged = run(clients, fresh, body -> requests.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(requests.baseUrl() + "/webhooks/slack/events"))
                        .header("X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                        .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build())).statusCount(401);
                long staleDingTalk = run(clients, dingTalk.subList(0, 20), body -> requests.dingTalk(
                        body.replace("msg-bench-", "msg-stale-"), Instant.now().minus(Duration.ofMinutes(61)))).statusCount(401);
                Thread.sleep(10_000);
                System.out.printf("refused with 401: stale Slack %d/20, forged Slack %d/20, stale DingTalk %d/20%n",
                        stale, forged, staleDingTalk);
            }
            System.out.printf("replies in the end (after redeliveries, a restart, forged and stale requests): "
                    + "Slack %d, DingTalk %d (expected %d each)%n",
                    replies(platforms, "/api/chat.postMessage"), replies(platforms, "/robot/sendBySession"), deliveries);
        } finally {
            platforms.stop();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The bot's options, recording the {@code run}th process with Flight Recorder into {@code <prefix>-<run>.jfr} when asked. */
    private static List<String> flightRecorded(List<String> jvm, String prefix, int run) {
        if (prefix == null) {
            return jvm;
        }
        List<String> recorded = new ArrayList<>(jvm);
        recorded.add("-XX:StartFlightRecording=settings=profile,filename=" + prefix + "-" + run + ".jfr");
        return recorded;
    }

    private interface Send {
        HttpResponse<String> send(String body) throws Exception;
    }

    private record Acks(long[] nanos, int[] statuses) {
        long statusCount(int status) {
            return Arrays.stream(statuses).filter(s -> s == status).count();
        }
    }

    private static Acks run(int clients, List<String> bodies, Send send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(pool.submit((Callable<long[]>) () -> {
                    long started = System.nanoTime();
                    int status = send.send(body).statusCode();
                    return new long[] {System.nanoTime() - started, status};
                }));
            }
            long[] nanos = new long[futures.size()];
            int[] statuses = new int[futures.size()];
            for (int i = 0; i < futures.size(); i++) {
                long[] result = futures.get(i).get();
                nanos[i] = result[0];
                statuses[i] = (int) result[1];
            }
            return new Acks(nanos, statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one burst and prints its ack latencies, with the CPU the bot and this process (the clients
     * and WireMock) spent meanwhile: on 2 shared cores, an ack's latency is mostly its wait for a core.
     */
    private static Acks report(String what, BotProcess bot, Callable<Acks> burst) throws Exception {
        long botCpu = bot.cpuMillis();
        long ownCpu = ownCpuMillis();
        java.util.Map<String, Long> threadsBefore = bot.cpuMillisByThreadKind();
        long started = System.nanoTime();
        Acks acks = burst.call();
        long wall = (System.nanoTime() - started) / 1_000_000;
        java.util.Map<String, Long> spent = new java.util.HashMap<>(bot.cpuMillisByThreadKind());
        spent.replaceAll((kind, millis) -> millis - threadsBefore.getOrDefault(kind, 0L));
        long[] sorted = acks.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf("%-24s n=%d  HTTP 200: %d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  (%d ms wall; CPU: bot %d ms, clients+WireMock %d ms)%n",
                what, sorted.length, acks.statusCount(200), millisAt(sorted, 0.5), millisAt(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                wall, bot.cpuMillis() - botCpu, ownCpuMillis() - ownCpu);
        System.out.println("    bot CPU by thread: " + spent.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(java.util.stream.Collectors.joining(", ")));
        return acks;
    }

    /** The latency at this quantile of sorted nanoseconds, in milliseconds. */
    private static double millisAt(long[] sortedNanos, double quantile) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * quantile))] / 1e6;
    }

    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static int replies(WireMockServer platforms, String path) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    private static void waitForReplies(WireMockServer platforms, int expected, Duration timeout) throws InterruptedException {
        awaitReplies(platforms, expected, timeout);
        Thread.sleep(3000);
    }

    /** Until each platform has had {@code expected} replies, or the time is up. */
    private static void awaitReplies(WireMockServer platforms, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (replies(platforms, "/api/chat.postMessage") < expected
                || replies(platforms, "/robot/sendBySession") < expected)) {
            Thread.sleep(100);
        }
    }
}
