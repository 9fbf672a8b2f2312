package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
    static WireMockExtension platforms = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

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
     * What a crash leaves in the delivery log, handed to the next start: a message accepted but not yet
     * answered is answered; one whose answer was being posted may have been posted and is abandoned;
     * one accepted longer ago than qa.channel.max-answer-age is abandoned, not answered late. The
     * crashed process's lease (2 s here) runs out first.
     */
    @Test
    void afterACrashOnlyWhatCannotHaveBeenPostedIsAnsweredAndNothingLate() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true}")));
        String stateDir = "target/test-state/crash-" + UUID.randomUUID();
        String pending = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000201.000100", null);
        String beingPosted = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000202.000100", null);
        String stale = ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000203.000100", null);
        List<String> pendingKeys = keys(pending);
        List<String> beingPostedKeys = keys(beingPosted);
        List<String> staleKeys = keys(stale);
        Instant now = Instant.now();
        DeliveryLog crashed = ChannelSettings.deliveryLog(stateDir, Clock.systemUTC(), Duration.ofSeconds(2));
        crashed.claim("slack", pendingKeys, pending);
        crashed.claim("slack", beingPostedKeys, beingPosted);
        crashed.advance(beingPostedKeys, Delivery.State.ANSWERING, null);
        crashed.advance(beingPostedKeys, Delivery.State.ANSWERED, null);
        ChannelSettings.deliveryLog(stateDir, Clock.fixed(now.minus(Duration.ofMinutes(30)), ZoneOffset.UTC), Duration.ofSeconds(2))
                .claim("slack", staleKeys, stale);

        try (ConfigurableApplicationContext restarted = start(stateDir)) {
            DeliveryLog log = restarted.getBean(DeliveryLog.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> log.find(pendingKeys.get(0)).orElseThrow().state() == Delivery.State.POSTED);
            assertThat(log.find(beingPostedKeys.get(0)).orElseThrow().state()).isEqualTo(Delivery.State.ABANDONED);
            assertThat(log.find(staleKeys.get(0)).orElseThrow().state()).isEqualTo(Delivery.State.ABANDONED);
            Thread.sleep(1000);
        }
        List<LoggedRequest> posts = platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).getBodyAsString()).contains("1700000201.000100");
    }

    private static List<String> keys(String slackEvent) {
        String ts = JsonMapper.builder().build().readTree(slackEvent).path("event").path("ts").asString();
        String id = JsonMapper.builder().build().readTree(slackEvent).path("event_id").asString();
        return List.of("slack:event:" + id, "slack:message:C0LAN2Q65:" + ts);
    }
}
