package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.QaBotApplication;
import io.sofastack.qa.index.ArchiveIndexer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.time.Clock;
import java.time.ZoneOffset;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A platform redelivers a message after the bot has restarted: it is still answered only once. */
class RestartBetweenDeliveriesTest {

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    private ConfigurableApplicationContext start(String stateDir) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QaBotApplication.class).run(
                "--server.port=0", "--qa.index.dir=target/test-indexes/restart", "--qa.channel.state-dir=" + stateDir,
                "--qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "--qa.slack.bot-token=xoxb-test-token",
                "--qa.slack.api-base-url=http://127.0.0.1:" + platforms.getPort() + "/api",
                "--qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "--qa.dingtalk.robot-code=ding-robot", "--qa.dingtalk.allowed-webhook-hosts=127.0.0.1",
                "--qa.channel.lease=2s");
        context.getBean(ArchiveIndexer.class).synchronize();
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void redeliveryAfterARestartIsNotAnsweredAgain() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true}")));
        platforms.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\": 0}")));
        String stateDir = "target/test-state/restart-" + UUID.randomUUID();
        String slackEvent = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000100.000100", null);
        String dingTalkMessage = ChatMessages.dingTalk("msg-" + UUID.randomUUID(),
                "http://127.0.0.1:" + platforms.getPort() + "/robot/sendBySession?session=s", Instant.now().plusSeconds(3600));

        try (ConfigurableApplicationContext first = start(stateDir)) {
            SignedRequests requests = new SignedRequests(port(first));
            assertThat(requests.slackEvent(slackEvent).statusCode()).isEqualTo(200);
            assertThat(requests.dingTalk(dingTalkMessage, Instant.now()).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size() == 1
                            && platforms.findAll(postRequestedFor(urlPathEqualTo("/robot/sendBySession"))).size() == 1);
        }
        try (ConfigurableApplicationContext second = start(stateDir)) {
            SignedRequests requests = new SignedRequests(port(second));
            assertThat(requests.slack("/webhooks/slack/events", "application/json", slackEvent, Instant.now(),
                    "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout").statusCode()).isEqualTo(200);
            assertThat(requests.dingTalk(dingTalkMessage, Instant.now()).statusCode()).isEqualTo(200);
            Thread.sleep(2000);
        }
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(1);
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/robot/sendBySession")))).hasSize(1);
    }

    /**
     * What a crash leaves in the delivery log, handed to the next start once the crashed process's
     * lease (2 s here) runs out: a message accepted but not yet answered is answered; one whose answer
     * was being posted is looked for in its Slack thread (by the delivery in the answer's metadata) and
     * posted only if it is not there; DingTalk cannot be asked, so such a message is abandoned; one
     * accepted longer ago than qa.channel.max-answer-age is abandoned, not answered late.
     */
    @Test
    void afterACrashNothingIsPostedTwiceAndNothingLate() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true}")));
        platforms.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\": 0}")));
        String stateDir = "target/test-state/crash-" + UUID.randomUUID();
        String pending = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000201.000100", null);
        String beingPosted = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000202.000100", null);
        String postedBeforeTheCrash = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000204.000100", null);
        String stale = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000203.000100", null);
        String dingTalkBeingPosted = ChatMessages.dingTalk("msg-" + UUID.randomUUID(),
                "http://127.0.0.1:" + platforms.getPort() + "/robot/sendBySession?session=s", Instant.now().plusSeconds(3600));
        List<String> dingTalkKeys = List.of("dingtalk:" + JsonMapper.builder().build().readTree(dingTalkBeingPosted).path("msgId").asString());
        // The thread of the one posted before the crash holds the bot's answer; the other's does not.
        platforms.stubFor(get(urlPathEqualTo("/api/conversations.replies")).withQueryParam("ts", equalTo("1700000204.000100"))
                .willReturn(okJson(replies(keys(postedBeforeTheCrash).get(0)))));
        platforms.stubFor(get(urlPathEqualTo("/api/conversations.replies")).withQueryParam("ts", equalTo("1700000202.000100"))
                .willReturn(okJson(replies("slack:event:some-other-delivery"))));
        Instant now = Instant.now();
        DeliveryLog crashed = ChannelSettings.deliveryLog(stateDir, Clock.systemUTC(), Duration.ofSeconds(2));
        crashed.claim("slack", keys(pending), pending);
        crashed.claim("slack", keys(beingPosted), beingPosted);
        crashed.claim("slack", keys(postedBeforeTheCrash), postedBeforeTheCrash);
        crashed.claim("dingtalk", dingTalkKeys, dingTalkBeingPosted);
        for (List<String> answered : List.of(keys(beingPosted), keys(postedBeforeTheCrash), dingTalkKeys)) {
            crashed.advance(answered, Delivery.State.ANSWERING, null);
            crashed.advance(answered, Delivery.State.ANSWERED, null);
        }
        ChannelSettings.deliveryLog(stateDir, Clock.fixed(now.minus(Duration.ofMinutes(30)), ZoneOffset.UTC), Duration.ofSeconds(2))
                .claim("slack", keys(stale), stale);

        try (ConfigurableApplicationContext restarted = start(stateDir)) {
            DeliveryLog log = restarted.getBean(DeliveryLog.class);
            // Each lease runs out on its own time (the last step renewed it), and is taken by the next sweep.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stateOf(log, keys(pending))).isEqualTo(Delivery.State.POSTED);
                assertThat(stateOf(log, keys(beingPosted))).isEqualTo(Delivery.State.POSTED);
                assertThat(stateOf(log, keys(postedBeforeTheCrash))).isEqualTo(Delivery.State.POSTED);
                assertThat(stateOf(log, dingTalkKeys)).isEqualTo(Delivery.State.ABANDONED);
                assertThat(stateOf(log, keys(stale))).isEqualTo(Delivery.State.ABANDONED);
            });
            Thread.sleep(1000);
        }
        List<LoggedRequest> posts = platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(posts).extracting(LoggedRequest::getBodyAsString).hasSize(2)
                .anySatisfy(body -> assertThat(body).contains("1700000201.000100"))
                .anySatisfy(body -> assertThat(body).contains("1700000202.000100"));
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/robot/sendBySession")))).isEmpty();
    }

    private static Delivery.State stateOf(DeliveryLog log, List<String> keys) {
        return log.find(keys.get(0)).map(Delivery::state).orElse(null);
    }

    /** A conversations.replies answer: the question and the bot's answer to {@code delivery}. */
    private static String replies(String delivery) {
        return JsonMapper.builder().build().writeValueAsString(java.util.Map.of("ok", true, "has_more", false,
                "messages", List.of(java.util.Map.of("type", "message", "ts", "1.0", "text", "question"),
                        java.util.Map.of("type", "message", "ts", "1.1", "bot_id", "B1", "text", "answer",
                                "metadata", java.util.Map.of("event_type", "qa_bot_answer",
                                        "event_payload", java.util.Map.of("delivery", delivery))))));
    }

    private static List<String> keys(String slackEvent) {
        String ts = JsonMapper.builder().build().readTree(slackEvent).path("event").path("ts").asString();
        String id = JsonMapper.builder().build().readTree(slackEvent).path("event_id").asString();
        return List.of("slack:event:" + id, "slack:message:C0LAN2Q65:" + ts);
    }
}
