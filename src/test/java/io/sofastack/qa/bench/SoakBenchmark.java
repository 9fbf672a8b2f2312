package io.sofastack.qa.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.sofastack.qa.answer.LlmStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long load run of {@code /api/ask} on the packaged jar: a fixed number of requests from 32
 * connections, resident memory sampled throughout (the last quarter is compared with the first), every
 * status and answer mode counted. With {@code llm=failing}, an OpenAI-compatible stub on 127.0.0.1 fails
 * in turn with 500s, timeouts, dropped connections and garbage for the whole run: every request must
 * still be answered, and the circuit breaker must open within its window.
 *
 * <p>Arguments (optional): {@code requests=100000 clients=32 llm=none|failing corpus=... queries=... port=18082
 * jar=./qa-bot index=<dir>} ({@code jar} may name a packaged jar instead; {@code index} reuses an index folder
 * built before instead of building a fresh one).
 * Rate limits are switched off: every request comes from one address.
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.of(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "100000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        boolean failingLlm = "failing".equals(options.getOrDefault("llm", "none"));
        int port = Integer.parseInt(options.getOrDefault("port", "18082"));
        Path jar = Path.of(options.getOrDefault("jar", "./qa-bot"));
        String corpus = options.getOrDefault("corpus", "../shared/corpus/sofastack.tech");
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(options.getOrDefault("queries", "../shared/eval/dev.jsonl")))) {
            if (!line.isBlank()) {
                bodies.add(json.writeValueAsString(Map.of("question", json.readTree(line).get("query").asString())));
            }
        }

        WireMockServer llm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(64));
        llm.start();
        List<String> jvm = new ArrayList<>(List.of("-Dqa.rate-limit.enabled=false",
                "-Dmanagement.endpoints.web.exposure.include=health,prometheus"));
        if (failingLlm) {
            failInEveryWay(llm);
            jvm.addAll(List.of("-Dspring.ai.model.chat=openai", "-Dspring.ai.openai.base-url=http://127.0.0.1:" + llm.port() + "/v1",
                    "-Dspring.ai.openai.api-key=soak", "-Dspring.ai.openai.chat.model=soak", "-Dqa.answer.llm-timeout=2s",
                    "-Dqa.answer.llm-breaker-open-for=10s"));
        }
        Path log = Files.createTempFile("qa-soak", ".log");
        System.out.printf("%d requests from %d clients, LLM %s, log %s%n", requests, clients, failingLlm ? "failing" : "none", log);
        try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus,
                options.containsKey("index") ? Path.of(options.get("index")) : Files.createTempDirectory("qa-soak-index"), log)) {
            bot.awaitReady(System.nanoTime(), Duration.ofMinutes(10));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
            List<long[]> rss = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            long[] latencies = new long[requests];
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            long started = System.nanoTime();
            Future<?> sampler = pool.submit(() -> {
                while (next.get() < requests) {
                    try {
                        synchronized (rss) {
                            rss.add(new long[] {next.get(), bot.residentKib()});
                        }
                        Thread.sleep(1000);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long sent = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/api/ask"))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build(),
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            outcome = response.statusCode() == 200
                                    ? "200 " + json.readTree(response.body()).get("mode").asString()
                                    : Integer.toString(response.statusCode());
                        } catch (Exception e) {
                            outcome = "error " + e.getClass().getSimpleName();
                        }
                        latencies[i] = System.nanoTime() - sent;
                        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            sampler.cancel(true);
            pool.shutdownNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("done in %.0f s: %.0f req/s, p50=%.1f ms p99=%.1f ms max=%.1f ms%n", seconds, requests / seconds,
                    sorted[requests / 2] / 1e6, sorted[(int) (requests * 0.99)] / 1e6, sorted[requests - 1] / 1e6);
            System.out.println("outcomes: " + new java.util.TreeMap<>(outcomes));
            report(rss);
            if (failingLlm) {
                System.out.printf("LLM calls received by the stub: %d (of %d questions); circuit breaker: %s%n",
                        llm.findAll(postRequestedFor(urlPathEqualTo(LlmStub.PATH))).size(), requests,
                        bot.get("/actuator/prometheus").lines().filter(line -> line.startsWith("qa_llm")).toList());
            }
        } finally {
            llm.stop();
        }
    }

    /** Cycles through the ways an LLM endpoint fails: 500, a 5 s stall, a dropped connection, garbage. */
    private static void failInEveryWay(WireMockServer llm) {
        String scenario = "failing";
        String[] states = {com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED, "stall", "drop", "garbage"};
        var responses = List.of(aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"boom\"}}"),
                aResponse().withStatus(200).withFixedDelay(5000).withBody(LlmStub.completion("太慢 [1]")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": \"nope\"}"));
        for (int i = 0; i < states.length; i++) {
            llm.stubFor(post(urlPathEqualTo(LlmStub.PATH)).inScenario(scenario).whenScenarioStateIs(states[i])
                    .willReturn(responses.get(i)).willSetStateTo(states[(i + 1) % states.length]));
        }
    }

    private static void report(List<long[]> rss) {
        if (rss.size() < 8) {
            System.out.println("too short a run to compare memory");
            return;
        }
        int quarter = rss.size() / 4;
        double first = rss.subList(0, quarter).stream().mapToLong(sample -> sample[1]).average().orElse(0) / 1024;
        double last = rss.subList(rss.size() - quarter, rss.size()).stream().mapToLong(sample -> sample[1]).average().orElse(0) / 1024;
        long max = rss.stream().mapToLong(sample -> sample[1]).max().orElse(0) / 1024;
        System.out.printf("resident memory: first quarter %.0f MiB, last quarter %.0f MiB (%+.1f %%), max %d MiB, %d samples%n",
                first, last, 100 * (last - first) / first, max, rss.size());
    }
}
