package io.sofastack.qa.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sofastack.qa.channel.ChatMessages;
import io.sofastack.qa.channel.LocalWebSocketServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket transports under load, as a user runs the bot: the packaged jar in Slack Socket Mode
 * and DingTalk Stream mode at once, a local WebSocket server playing each platform's socket endpoint,
 * WireMock their HTTP APIs. Each platform gets {@code messages} deliveries; after a third and after
 * two thirds of them the server forces a reconnect (Slack: a {@code disconnect} frame; DingTalk: the
 * connection dropped) and delivers again, on the new connection, everything not yet acknowledged, as
 * the platforms do. Reports the time from sending a frame to reading its ack, and counts the replies:
 * each message must be answered exactly once.
 *
 * <p>Arguments (optional): {@code jar=target/community-qa-bot-0.1.0-SNAPSHOT.jar corpus=data port=18082 messages=100}.
 */
public final class SocketBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SocketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.of(args);
        Path jar = Path.of(options.getOrDefault("jar", "target/community-qa-bot-0.1.0-SNAPSHOT.jar"));
        String corpus = options.getOrDefault("corpus", "data");
        int port = Integer.parseInt(options.getOrDefault("port", "18082"));
        int messages = Integer.parseInt(options.getOrDefault("messages", "100"));

        WireMockServer apis = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(32));
        apis.start();
        try (LocalWebSocketServer slackSocket = LocalWebSocketServer.start(); LocalWebSocketServer dingTalkGateway = LocalWebSocketServer.start()) {
            String base = "http://127.0.0.1:" + apis.port();
            apis.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(okJson(JSON.writeValueAsString(Map.of("ok", true, "url", slackSocket.url("/link"))))));
            apis.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
            apis.stubFor(post(urlPathEqualTo("/v1.0/gateway/connections/open"))
                    .willReturn(okJson(JSON.writeValueAsString(Map.of("endpoint", dingTalkGateway.url("/connect"), "ticket", "t")))));
            apis.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\": 0}")));
            List<String> jvm = List.of("-Xmx512m", "-Dqa.slack.mode=socket", "-Dqa.slack.app-token=xapp-bench",
                    "-Dqa.slack.bot-token=xoxb-bench", "-Dqa.slack.api-base-url=" + base + "/api",
                    "-Dqa.dingtalk.mode=stream", "-Dqa.dingtalk.app-key=ding-bench", "-Dqa.dingtalk.app-secret=ding-secret",
                    "-Dqa.dingtalk.robot-code=ding-robot", "-Dqa.dingtalk.api-base-url=" + base,
                    "-Dqa.dingtalk.allowed-webhook-hosts=127.0.0.1", "-Dqa.rate-limit.enabled=false",
                    "-Dqa.channel.state-dir=" + Files.createTempDirectory("qa-socket-bench-state"));
            Path log = Files.createTempFile("qa-socket-bench", ".log");
            System.out.printf("corpus %s, %d messages per platform, two forced reconnects each, log %s%n", corpus, messages, log);
            try (BotProcess bot = BotProcess.start(jar, jvm, port, corpus, Files.createTempDirectory("qa-socket-bench-index"), log)) {
                bot.awaitReady(System.nanoTime(), Duration.ofMinutes(10));
                Map<String, String> slack = new LinkedHashMap<>();
                Map<String, String> dingTalk = new LinkedHashMap<>();
                for (int i = 0; i < messages; i++) {
                    String ts = "1700001000." + (100000 + i);
                    slack.put("env-" + i, JSON.writeValueAsString(Map.of("envelope_id", "env-" + i, "type", "events_api",
                            "payload", JSON.readTree(ChatMessages.slackMention("EvSock" + i, ts, null)))));
                    dingTalk.put("stream-" + i, JSON.writeValueAsString(Map.of("specVersion", "1.0", "type", "CALLBACK",
                            "headers", Map.of("topic", "/v1.0/im/bot/messages/get", "messageId", "stream-" + i),
                            "data", ChatMessages.dingTalk("msg-sock-" + i, base + "/robot/sendBySession?s=" + i,
                                    Instant.now().plusSeconds(5400)))));
                }
                long[] slackAcks = deliver("Slack Socket Mode", slackSocket, slack, "envelope_id",
                        connection -> connection.send("{\"type\": \"disconnect\", \"reason\": \"refresh_requested\"}"));
                long[] dingTalkAcks = deliver("DingTalk Stream mode", dingTalkGateway, dingTalk, "messageId",
                        LocalWebSocketServer.Connection::drop);
                report("Slack frame to ack", slackAcks);
                report("DingTalk frame to ack", dingTalkAcks);
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (System.nanoTime() < deadline && (count(apis, "/api/chat.postMessage") < messages
                        || count(apis, "/robot/sendBySession") < messages)) {
                    Thread.sleep(500);
                }
                Thread.sleep(3000);
                System.out.printf("replies: Slack %d, DingTalk %d (expected %d each: 0 lost, 0 duplicates); connections: Slack %d, DingTalk %d%n",
                        count(apis, "/api/chat.postMessage"), count(apis, "/robot/sendBySession"), messages,
                        slackSocket.connectionCount(), dingTalkGateway.connectionCount());
            }
        } finally {
            apis.stop();
        }
    }

    private interface Reconnect {
        void force(LocalWebSocketServer.Connection connection) throws Exception;
    }

    /**
     * Sends every frame, one at a time, and waits for its ack; after a third and two thirds forces a
     * reconnect, first sending a few more frames that the old connection will not acknowledge, which
     * are delivered again on the new one. Returns the frame-to-ack times of the acknowledged sends.
     */
    private static long[] deliver(String what, LocalWebSocketServer server, Map<String, String> frames, String idField,
                                  Reconnect reconnect) throws Exception {
        LocalWebSocketServer.Connection connection = server.awaitConnection(WAIT);
        connection.send("{\"type\": \"hello\"}");
        List<String> ids = new ArrayList<>(frames.keySet());
        List<Long> nanos = new ArrayList<>();
        int redelivered = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (i == ids.size() / 3 || i == 2 * ids.size() / 3) {
                reconnect.force(connection);
                connection = server.awaitConnection(WAIT);
                connection.send("{\"type\": \"hello\"}");
                // What the platform sent just before and never saw acknowledged comes again.
                connection.send(frames.get(ids.get(i - 1)));
                awaitAck(server, ids.get(i - 1), idField);
                redelivered++;
            }
            long started = System.nanoTime();
            connection.send(frames.get(ids.get(i)));
            awaitAck(server, ids.get(i), idField);
            nanos.add(System.nanoTime() - started);
        }
        System.out.printf("%s: %d frames acknowledged, %d delivered again after a reconnect%n", what, nanos.size(), redelivered);
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    private static void awaitAck(LocalWebSocketServer server, String id, String idField) throws InterruptedException {
        while (true) {
            String ack = server.nextReceived(WAIT);
            if (ack == null) {
                throw new IllegalStateException("no ack for " + id + " within " + WAIT);
            }
            JsonNode frame = JSON.readTree(ack);
            String acked = frame.has("headers") ? frame.path("headers").path(idField).asString("") : frame.path(idField).asString("");
            if (acked.equals(id)) {
                return;
            }
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static int count(WireMockServer apis, String path) {
        return apis.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }
}
