package io.sofastack.qa.channel.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.channel.ChannelSettings;
import io.sofastack.qa.channel.ChatMessages;
import io.sofastack.qa.channel.MovingClock;
import io.sofastack.qa.channel.OutboundHttp;
import io.sofastack.qa.channel.PostOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reply whose sessionWebhook expired (a DingTalk session webhook lives about 90 minutes) goes
 * through the robot OpenAPI, with an access token fetched once and kept until shortly before it
 * expires. WireMock plays DingTalk's OpenAPI and the session webhook.
 */
class OpenApiDeliveryTest {

    private static final String TOKEN = "/v1.0/oauth2/accessToken";
    private static final String GROUP_SEND = "/v1.0/robot/groupMessages/send";
    private static final String ONE_TO_ONE_SEND = "/v1.0/robot/oToMessages/batchSend";
    private static final String SESSION_WEBHOOK = "/robot/sendBySession";

    @RegisterExtension
    static WireMockExtension dingTalk = LoopbackWireMock.extension();

    private final JsonMapper json = JsonMapper.builder().build();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void platform() {
        dingTalk.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"accessToken\": \"token-1\", \"expireIn\": 7200}")));
        dingTalk.stubFor(post(urlPathEqualTo(GROUP_SEND)).willReturn(okJson("{\"processQueryKey\": \"q1\"}")));
        dingTalk.stubFor(post(urlPathEqualTo(ONE_TO_ONE_SEND)).willReturn(okJson("{\"processQueryKey\": \"q2\"}")));
        dingTalk.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0}")));
    }

    private DingTalkReplier replier(String appKey) {
        DingTalkProperties properties = new DingTalkProperties("app-secret", "ding-robot", List.of(), List.of("127.0.0.1"), 5000,
                Duration.ofHours(1), appKey, dingTalk.baseUrl(), Duration.ofMinutes(5), null, Duration.ofSeconds(1), null, "content", null);
        RestClient rest = new OutboundHttp(RestClient.builder(), ChannelSettings.withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2))).restClient();
        return new DingTalkReplier(rest, properties.allowedWebhookHosts(), clock, new DingTalkOpenApi(rest, properties, json, clock));
    }

    /** A group message received {@code minutesAgo}, whose session webhook lived 90 minutes. */
    private DingTalkMessage groupMessage(String msgId, long minutesAgo) {
        Instant received = clock.instant().minus(Duration.ofMinutes(minutesAgo));
        return DingTalkMessage.of(json.readTree(ChatMessages.dingTalk(msgId, "http://127.0.0.1:" + dingTalk.getPort() + SESSION_WEBHOOK + "?s=" + msgId,
                received.plus(Duration.ofMinutes(90)))));
    }

    private static Map<String, Object> reply(String text) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", "三节点集群", "text", text),
                "at", Map.of("atUserIds", List.of("staff-42"), "isAtAll", false));
    }

    private List<LoggedRequest> requests(String path) {
        return dingTalk.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aReplyInTimeGoesToTheSessionWebhookAndALateOneThroughTheOpenApi() {
        DingTalkReplier replier = replier("ding-app-key");

        assertThat(replier.post(groupMessage("m-fresh", 5), reply("在时间内"))).isEqualTo(PostOutcome.POSTED);
        assertThat(replier.post(groupMessage("m-late", 100), reply("迟到的答案 @staff-42"))).isEqualTo(PostOutcome.POSTED);

        assertThat(requests(SESSION_WEBHOOK)).hasSize(1);
        assertThat(requests(TOKEN)).hasSize(1);
        assertThat(json.readTree(requests(TOKEN).get(0).getBodyAsString()))
                .isEqualTo(json.readTree("{\"appKey\": \"ding-app-key\", \"appSecret\": \"app-secret\"}"));
        LoggedRequest sent = requests(GROUP_SEND).get(0);
        assertThat(sent.getHeader("x-acs-dingtalk-access-token")).isEqualTo("token-1");
        JsonNode body = json.readTree(sent.getBodyAsString());
        assertThat(body.get("robotCode").asString()).isEqualTo("ding-robot");
        assertThat(body.get("openConversationId").asString()).isEqualTo("cid-group-1");
        assertThat(body.get("msgKey").asString()).isEqualTo("sampleMarkdown");
        JsonNode markdown = json.readTree(body.get("msgParam").asString());
        assertThat(markdown.get("title").asString()).isEqualTo("三节点集群");
        assertThat(markdown.get("text").asString()).isEqualTo("迟到的答案 @staff-42");
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpiresAndFetchedAgainOnceWhenRejected() {
        DingTalkReplier replier = replier("ding-app-key");

        replier.post(groupMessage("m1", 100), reply("一"));
        clock.advance(Duration.ofMinutes(100));
        replier.post(groupMessage("m2", 100), reply("二"));
        assertThat(requests(TOKEN)).as("1 h 40 min: kept").hasSize(1);

        clock.advance(Duration.ofMinutes(16));
        replier.post(groupMessage("m3", 100), reply("三"));
        assertThat(requests(TOKEN)).as("1 h 56 min: within 5 min of its 2 h, fetched anew").hasSize(2);

        dingTalk.stubFor(post(urlPathEqualTo(GROUP_SEND)).inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"code\": \"InvalidAuthentication\"}")).willSetStateTo("once"));
        dingTalk.stubFor(post(urlPathEqualTo(GROUP_SEND)).inScenario("revoked").whenScenarioStateIs("once")
                .willReturn(okJson("{\"processQueryKey\": \"q3\"}")));
        assertThat(replier.post(groupMessage("m4", 100), reply("四"))).isEqualTo(PostOutcome.POSTED);
        assertThat(requests(TOKEN)).as("a rejected token is replaced once").hasSize(3);
    }

    @Test
    void aLateReplyInAOneToOneChatIsSentToTheAsker() {
        Instant received = clock.instant().minus(Duration.ofMinutes(100));
        String oneToOne = ChatMessages.dingTalk("m-1to1", "http://127.0.0.1:" + dingTalk.getPort() + SESSION_WEBHOOK, received.plus(Duration.ofMinutes(90)))
                .replace("\"conversationType\":\"2\"", "\"conversationType\":\"1\"");

        assertThat(replier("ding-app-key").post(DingTalkMessage.of(json.readTree(oneToOne)), reply("私聊"))).isEqualTo(PostOutcome.POSTED);

        JsonNode body = json.readTree(requests(ONE_TO_ONE_SEND).get(0).getBodyAsString());
        assertThat(body.get("userIds").get(0).asString()).isEqualTo("staff-42");
        assertThat(requests(GROUP_SEND)).isEmpty();
    }

    @Test
    void withoutTheAppKeyALateReplyIsRefusedAsBefore() {
        assertThat(replier(null).post(groupMessage("m-nokey", 100), reply("迟到"))).isEqualTo(PostOutcome.REFUSED);
        assertThat(requests(TOKEN)).isEmpty();
        assertThat(requests(GROUP_SEND)).isEmpty();
        assertThat(requests(SESSION_WEBHOOK)).isEmpty();
    }

    @Test
    void aTokenDingTalkRefusesIsARefusalAndAnUnreachableApiIsTriedAgainLater() {
        dingTalk.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400).withBody("{\"code\": \"invalidClientId\"}")));
        assertThat(replier("wrong-key").post(groupMessage("m-badkey", 100), reply("迟到"))).isEqualTo(PostOutcome.REFUSED);

        dingTalk.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(503)));
        assertThat(replier("ding-app-key").post(groupMessage("m-down", 100), reply("迟到"))).isEqualTo(PostOutcome.RETRYABLE);
        assertThat(requests(GROUP_SEND)).isEmpty();
    }
}
