package io.sofastack.qa.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.channel.ChatMessages;
import io.sofastack.qa.channel.LocalWebSocketServer;
import io.sofastack.qa.index.ArchiveIndexer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Socket Mode end to end: a WebSocket server on 127.0.0.1 plays Slack's socket endpoint, frames as
 * Slack sends them (hello, events_api and slash_commands envelopes, disconnect), WireMock plays the Web API
 * ({@code apps.connections.open}, {@code chat.postMessage}). No signing secret and no public address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/socket-mode", "qa.slack.mode=socket", "qa.slack.app-token=xapp-test",
        "qa.slack.bot-token=xoxb-test-token", "qa.slack.reconnect-backoff=100ms", "qa.slack.allowed-response-hosts=127.0.0.1", "qa.channel.socket-keep-alive=1s",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class SocketModeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LocalWebSocketServer SLACK_SOCKET = LocalWebSocketServer.start();

    @RegisterExtension
    static WireMockExtension slack = LoopbackWireMock.keptAcrossTests();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> {
            slack.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(okJson("{\"ok\": true, \"url\": \"" + SLACK_SOCKET.url("/link/?ticket=t") + "\"}")));
            slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
            slack.stubFor(post(urlPathEqualTo("/commands/1")).willReturn(okJson("{\"ok\": true}")));
            return slack.baseUrl() + "/api";
        });
        registry.add("qa.channel.state-dir", () -> "target/test-state/socket-mode-" + UUID.randomUUID());
    }


    @AfterAll
    static void stopSocket() throws Exception {
        SLACK_SOCKET.close();
    }

    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;

    private String envelope(String envelopeId, String eventId, String ts, int retryAttempt) {
        JsonNode payload = json.readTree(ChatMessages.slackMention(eventId, ts, null));
        return json.writeValueAsString(Map.of("envelope_id", envelopeId, "type", "events_api", "payload", payload,
                "accepts_response_payload", false, "retry_attempt", retryAttempt, "retry_reason", retryAttempt == 0 ? "" : "timeout"));
    }

    private int posts() {
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size();
    }

    private String nextAck() throws InterruptedException {
        String ack = SLACK_SOCKET.nextReceived(WAIT);
        assertThat(ack).as("an acknowledgement").isNotNull();
        return json.readTree(ack).path("envelope_id").asString();
    }

    @Test
    void eventsArriveOverTheSocketAreAcknowledgedAndAnsweredOnceAcrossReconnects() throws Exception {
        indexer.synchronize();
        LocalWebSocketServer.Connection first = SLACK_SOCKET.awaitConnection(WAIT);
        first.send("{\"type\": \"hello\", \"num_connections\": 1, \"debug_info\": {\"host\": \"local\"}}");

        first.send(envelope("env-1", "EvSocket1", "1700000401.000100", 0));
        assertThat(nextAck()).isEqualTo("env-1");
        await().atMost(WAIT).until(() -> posts() == 1);
        JsonNode reply = json.readTree(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).get(0).getBodyAsString());
        assertThat(reply.get("thread_ts").asString()).isEqualTo("1700000401.000100");

        // Slack asks for a refresh: a new connection, on which it delivers the same event again.
        first.send("{\"type\": \"disconnect\", \"reason\": \"refresh_requested\"}");
        LocalWebSocketServer.Connection second = SLACK_SOCKET.awaitConnection(WAIT);
        second.send("{\"type\": \"hello\"}");
        second.send(envelope("env-1b", "EvSocket1", "1700000401.000100", 1));
        assertThat(nextAck()).as("a redelivery is acknowledged too").isEqualTo("env-1b");

        // The network drops the connection without a close frame.
        second.drop();
        LocalWebSocketServer.Connection third = SLACK_SOCKET.awaitConnection(WAIT);
        third.send("{\"type\": \"hello\"}");
        third.send(envelope("env-2", "EvSocket2", "1700000402.000100", 0));
        assertThat(nextAck()).isEqualTo("env-2");

        await().atMost(WAIT).until(() -> posts() == 2);
        Thread.sleep(1000);
        assertThat(posts()).as("the redelivered event was not answered twice").isEqualTo(2);
        assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/apps.connections.open")))).hasSize(3);
        assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/apps.connections.open"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer xapp-test");

        // A slash command: its immediate reply travels in the ack, its answer goes to its response_url.
        third.send(json.writeValueAsString(Map.of("envelope_id", "env-cmd", "type", "slash_commands", "accepts_response_payload", true,
                "payload", Map.of("command", "/ask", "text", ChatMessages.QUESTION, "user_id", "U061F7AUR", "channel_id", "C0LAN2Q65",
                        "trigger_id", "trigger-socket-1", "response_url", "http://127.0.0.1:" + slack.getPort() + "/commands/1"))));
        JsonNode ack = json.readTree(SLACK_SOCKET.nextReceived(WAIT));
        assertThat(ack.path("envelope_id").asString()).isEqualTo("env-cmd");
        assertThat(ack.path("payload").path("text").asString()).startsWith("Looking for an answer");
        await().atMost(WAIT).until(() -> !slack.findAll(postRequestedFor(urlPathEqualTo("/commands/1"))).isEmpty());
        assertThat(json.readTree(slack.findAll(postRequestedFor(urlPathEqualTo("/commands/1"))).get(0).getBodyAsString())
                .path("response_type").asString()).isEqualTo("in_channel");
    }
}
