package io.sofastack.qa.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.channel.ChatMessages;
import io.sofastack.qa.channel.SignedRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How soon a streamed Slack answer starts to appear, as a user runs the bot: the packaged jar with an
 * LLM that streams each answer over {@code llmSeconds} (WireMock, OpenAI's server-sent chunks), Slack's
 * Events API and Web API played locally. Each question is an {@code app_mention} posted, signed, to the
 * bot; reported are the times from posting it to Slack receiving {@code chat.startStream}, the first
 * {@code chat.appendStream} (the first words the asker sees), and {@code chat.stopStream}.
 *
 * <p>Arguments (optional): {@code jar=target/community-qa-bot-0.1.0-SNAPSHOT.jar corpus=data port=18083
 * questions=20 concurrency=4 llmSeconds=8 warmup=3}.
 */
public final class StreamBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.of(args);
        Path jar = Path.of(options.getOrDefault("jar", "target/community-qa-bot-0.1.0-SNAPSHOT.jar"));
        String corpus = options.getOrDefault("corpus", "data");
        int port = Integer.parseInt(options.getOrDefault("port", "18083"));
        int questions = Integer.parseInt(options.getOrDefault("questions", "20"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        int llmSeconds = Integer.parseInt(options.getOrDefault("llmSeconds", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));

        WireMockServer apis = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(64)
                .templatingEnabled(true));
        apis.start();
        try {
            String base = "http://127.0.0.1:" + apis.port();
            stubLlm(apis, llmSeconds);
            // The streamed message is named after the thread it answers in, so that each update can be told apart.
            apis.stubFor(post(urlPathEqualTo("/api/chat.startStream")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withTransformers("response-template")
                    .withBody("{\"ok\": true, \"ts\": \"{{jsonPath request.body '$.thread_ts'}}\"}")));
            apis.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations.replies"))
                    .willReturn(okJson("{\"ok\": true, \"messages\": []}")));
            for (String method : List.of("chat.appendStream", "chat.stopStream", "chat.postMessage")) {
                apis.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
            }
            List<String> jvm = List.of("-Xmx512m", "-Dqa.slack.signing-secret=" + SignedRequests.SLACK_SECRET,
                    "-Dqa.slack.bot-token=xoxb-bench", "-Dqa.slack.api-base-url=" + base + "/api",
                    "-Dspring.ai.model.chat=openai", "-Dspring.ai.openai.base-url=" + base + "/v1", "-Dspring.ai.openai.api-key=bench",
                    "-Dspring.ai.openai.chat.model=bench-model", "-Dspring.ai.openai.max-retries=0", "-Dqa.rate-limit.enabled=false",
                    "-Dqa.channel.state-dir=" + Files.createTempDirectory("qa-stream-bench-state"));
            Path log = Files.createTempFile("qa-stream-bench", ".log");
            System.out.printf("corpus %s, %d questions (%d at a time, %d to warm up), the LLM streams each answer over %d s, log %s%n",
                    corpus, questions, concurrency, warmup, llmSeconds, log);
            try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, Files.createTempDirectory("qa-stream-bench-index"), log)) {
                bot.awaitReady(System.nanoTime(), Duration.ofMinutes(10));
                SignedRequests slack = new SignedRequests(port);
                ask(slack, apis, 0, warmup, 1, llmSeconds);
                apis.resetRequests();
                Map<String, Long> asked = ask(slack, apis, warmup, questions, concurrency, llmSeconds);
                report("posted → chat.startStream", asked, first(apis, "chat.startStream", "thread_ts"));
                report("posted → first appendStream", asked, first(apis, "chat.appendStream", "ts"));
                report("posted → chat.stopStream", asked, first(apis, "chat.stopStream", "ts"));
                System.out.printf("posted whole instead of streamed: %d%n",
                        apis.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size());
            }
        } finally {
            apis.stop();
        }
    }

    /** An answer of about 80 pieces, citing its first source, streamed evenly over the given seconds. */
    private static void stubLlm(WireMockServer apis, int seconds) {
        StringBuilder events = new StringBuilder();
        int pieces = 80;
        for (int i = 0; i < pieces; i++) {
            String piece = i == pieces / 2 ? " [1]" : (i % 10 == 9 ? "。" : "多数派");
            events.append("data: ").append(JSON.writeValueAsString(Map.of("id", "c", "object", "chat.completion.chunk", "created", 1,
                    "model", "bench-model", "choices", List.of(Map.of("index", 0, "delta", Map.of("content", piece)))))).append("\n\n");
        }
        events.append("data: [DONE]\n\n");
        apis.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(events.toString())
                .withChunkedDribbleDelay(pieces, seconds * 1000)));
    }

    /** Posts the questions numbered {@code from} to {@code from + count}; returns when each was posted, by thread. */
    private static Map<String, Long> ask(SignedRequests slack, WireMockServer apis, int from, int count, int concurrency, int llmSeconds)
            throws Exception {
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int i = from; i < from + count; i++) {
            String ts = "1700002000." + (100000 + i);
            String event = ChatMessages.slackMention("EvStream" + i, ts, null);
            clients.submit(() -> {
                postedAt.put(ts, System.currentTimeMillis());
                slack.slackEvent(event);
                // Each client waits for its answer to finish before asking again, as a person in a thread would.
                long deadline = System.currentTimeMillis() + (llmSeconds + 30) * 1000L;
                while (System.currentTimeMillis() < deadline && apis.findAll(postRequestedFor(urlPathEqualTo("/api/chat.stopStream"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(ts))).isEmpty()
                        && apis.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(ts))).isEmpty()) {
                    Thread.sleep(50);
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(count * (llmSeconds + 30L), TimeUnit.SECONDS);
        return postedAt;
    }

    /** When Slack first received the method for each thread, by the thread's ts. */
    private static Map<String, Long> first(WireMockServer apis, String method, String field) {
        Map<String, Long> first = new ConcurrentHashMap<>();
        for (LoggedRequest request : apis.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)))) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            first.merge(body.path(field).asString(""), request.getLoggedDate().getTime(), Math::min);
        }
        return first;
    }

    private static void report(String what, Map<String, Long> asked, Map<String, Long> seen) {
        List<Long> millis = new ArrayList<>();
        asked.forEach((ts, at) -> {
            Long when = seen.get(ts);
            if (when != null) {
                millis.add(when - at);
            }
        });
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("%-30s none arrived%n", what);
            return;
        }
        System.out.printf("%-30s n=%d of %d  p50=%d ms  p99=%d ms  max=%d ms%n", what, sorted.length, asked.size(),
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]);
    }
}
