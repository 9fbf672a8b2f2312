package io.sofastack.qa.channel.dingtalk;

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
import java.time.Instant;
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
 * Stream mode end to end: a WebSocket server on 127.0.0.1 plays DingTalk's Stream gateway, frames as
 * the protocol defines them (CALLBACK robot messages, SYSTEM ping and disconnect), WireMock plays the
 * gateway's connections/open and the session webhook. No callback URL and no signature.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/stream-mode", "qa.dingtalk.mode=stream", "qa.dingtalk.app-key=ding-client-id",
        "qa.dingtalk.app-secret=ding-client-secret", "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "qa.dingtalk.reconnect-backoff=100ms", "qa.channel.socket-keep-alive=1s",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class StreamModeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SESSION_WEBHOOK = "/robot/sendBySession";
    private static final LocalWebSocketServer GATEWAY = LocalWebSocketServer.start();

    @RegisterExtension
    static WireMockExtension dingTalk = LoopbackWireMock.keptAcrossTests();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.dingtalk.api-base-url", () -> {
            dingTalk.stubFor(post(urlPathEqualTo("/v1.0/gateway/connections/open"))
                    .willReturn(okJson("{\"endpoint\": \"" + GATEWAY.url("/connect") + "\", \"ticket\": \"t k/1\"}")));
            dingTalk.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0, \"errmsg\": \"ok\"}")));
            return dingTalk.baseUrl();
        });
        registry.add("qa.channel.state-dir", () -> "target/test-state/stream-mode-" + UUID.randomUUID());
    }


    @AfterAll
    static void stopGateway() throws Exception {
        GATEWAY.close();
    }

    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;

    private String robotMessage(String streamMessageId, String msgId) {
        String body = ChatMessages.dingTalk(msgId, "http://127.0.0.1:" + dingTalk.getPort() + SESSION_WEBHOOK + "?s=" + msgId,
                Instant.now().plusSeconds(3600));
        return json.writeValueAsString(Map.of("specVersion", "1.0", "type", "CALLBACK", "data", body,
                "headers", Map.of("topic", DingTalkStream.ROBOT_TOPIC, "messageId", streamMessageId,
                        "contentType", "application/json", "time", Long.toString(System.currentTimeMillis()))));
    }

    private JsonNode nextAck() throws InterruptedException {
        String ack = GATEWAY.nextReceived(WAIT);
        assertThat(ack).as("an acknowledgement").isNotNull();
        JsonNode frame = json.readTree(ack);
        assertThat(frame.path("code").asInt()).isEqualTo(200);
        return frame;
    }

    private int replies() {
        return dingTalk.findAll(postRequestedFor(urlPathEqualTo(SESSION_WEBHOOK))).size();
    }

    @Test
    void robotMessagesArriveOverTheStreamAreAcknowledgedAndAnsweredOnceAcrossReconnects() throws Exception {
        indexer.synchronize();
        LocalWebSocketServer.Connection first = GATEWAY.awaitConnection(WAIT);
        assertThat(first.target()).isEqualTo("/connect?ticket=t+k%2F1");
        JsonNode opened = json.readTree(dingTalk.findAll(postRequestedFor(urlPathEqualTo("/v1.0/gateway/connections/open")))
                .get(0).getBodyAsString());
        assertThat(opened.path("clientId").asString()).isEqualTo("ding-client-id");
        assertThat(opened.path("subscriptions").get(0).path("topic").asString()).isEqualTo(DingTalkStream.ROBOT_TOPIC);

        first.send(robotMessage("stream-1", "msg-stream-1"));
        assertThat(nextAck().path("headers").path("messageId").asString()).isEqualTo("stream-1");
        await().atMost(WAIT).until(() -> replies() == 1);

        first.send("{\"specVersion\": \"1.0\", \"type\": \"SYSTEM\", \"headers\": {\"topic\": \"ping\", \"messageId\": \"ping-1\"},"
                + " \"data\": \"{\\\"opaque\\\": \\\"abc\\\"}\"}");
        JsonNode pong = nextAck();
        assertThat(pong.path("headers").path("messageId").asString()).isEqualTo("ping-1");
        assertThat(json.readTree(pong.path("data").asString()).path("opaque").asString()).isEqualTo("abc");

        // The gateway announces a disconnect; on the new connection the same message is pushed again.
        first.send("{\"specVersion\": \"1.0\", \"type\": \"SYSTEM\", \"headers\": {\"topic\": \"disconnect\", \"messageId\": \"d-1\"}, \"data\": \"\"}");
        LocalWebSocketServer.Connection second = GATEWAY.awaitConnection(WAIT);
        second.send(robotMessage("stream-1b", "msg-stream-1"));
        assertThat(nextAck().path("headers").path("messageId").asString()).isEqualTo("stream-1b");

        // The network drops the connection.
        second.drop();
        LocalWebSocketServer.Connection third = GATEWAY.awaitConnection(WAIT);
        third.send(robotMessage("stream-2", "msg-stream-2"));
        assertThat(nextAck().path("headers").path("messageId").asString()).isEqualTo("stream-2");

        await().atMost(WAIT).until(() -> replies() == 2);
        Thread.sleep(1000);
        assertThat(replies()).as("the message pushed again was not answered twice").isEqualTo(2);

        // The connection goes half-open: nothing comes back, not even a pong. The keep-alive (1 s
        // here) gives it up and connects again.
        third.goSilent();
        GATEWAY.awaitConnection(WAIT);
        assertThat(GATEWAY.connectionCount()).isEqualTo(4);
    }
}
