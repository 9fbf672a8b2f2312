package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both chat channels end to end, with WireMock on 127.0.0.1 standing in for the Slack Web API,
 * DingTalk's sessionWebhook, a slash command's response_url and the LLM. The exact outbound requests
 * are asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/channels", "qa.channel.max-body-bytes=4096",
        "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "qa.slack.bot-token=xoxb-test-token",
        "qa.slack.allowed-response-hosts=127.0.0.1",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "qa.answer.llm-timeout=15s",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000", "qa.channel.post-backoff=200ms",
        "qa.channel.read-timeout=2s"})
class ChatChannelsTest {

    private static final String CHAT_POST = "/api/chat.postMessage";
    private static final String SESSION_WEBHOOK = "/robot/sendBySession";
    private static final String SOURCE_URL = "https://www.sofastack.tech/blog/sofa-weekly-20220218/";

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> platforms.baseUrl() + "/api");
        registry.add("qa.channel.state-dir", () -> "target/test-state/channels-" + UUID.randomUUID());
        LlmStub.pointSpringAiAt(registry, platforms);
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;
    @Autowired
    DeliveryLog deliveries;

    private SignedRequests requests;

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        requests = new SignedRequests(port);
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
        platforms.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0, \"errmsg\": \"ok\"}")));
        LlmStub.answers(platforms, "不正常：杀掉 follower 没有影响，leader 会很快重新选出 [1]。");
    }

    private String sessionWebhook() {
        return "http://127.0.0.1:" + platforms.getPort() + SESSION_WEBHOOK + "?session=s-" + UUID.randomUUID();
    }

    private List<LoggedRequest> posts(String path) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    // DingTalk

    @Test
    void dingTalkMessageIsAcknowledgedEmptyAndAnsweredOnceInItsConversation() throws Exception {
        String body = ChatMessages.dingTalk("msg-" + unique(), sessionWebhook(), Instant.now().plusSeconds(3600));

        HttpResponse<String> ack = requests.dingTalk(body, Instant.now());

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).get("msgtype").asString()).isEqualTo("empty");
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(SESSION_WEBHOOK).size() == 1);
        JsonNode reply = json.readTree(posts(SESSION_WEBHOOK).get(0).getBodyAsString());
        assertThat(reply.get("msgtype").asString()).isEqualTo("markdown");
        String text = reply.get("markdown").get("text").asString();
        assertThat(text).contains("[1]").contains("**来源**").contains("](" + SOURCE_URL + ")").contains("2022-02-18")
                .endsWith("@staff-42");
        assertThat(reply.get("at").get("atUserIds").get(0).asString()).isEqualTo("staff-42");
        assertThat(reply.get("markdown").get("title").asString()).startsWith("三节点集群");

        assertThat(requests.dingTalk(body, Instant.now()).statusCode()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(posts(SESSION_WEBHOOK)).hasSize(1);
    }

    @Test
    void dingTalkAcknowledgesAtOnceWhileTheLlmTakesTenSeconds() throws Exception {
        LlmStub.answers(platforms, "慢慢来 [1]。", 10_000);
        String body = ChatMessages.dingTalk("msg-" + unique(), sessionWebhook(), Instant.now().plusSeconds(3600));

        long started = System.nanoTime();
        HttpResponse<String> ack = requests.dingTalk(body, Instant.now());
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).isLessThan(1000);
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(SESSION_WEBHOOK).size() == 1);
        assertThat(posts(SESSION_WEBHOOK).get(0).getBodyAsString()).contains("慢慢来");
    }

    @Test
    void dingTalkRefusesForgedStaleFutureAndForeignCallbacks() throws Exception {
        String body = ChatMessages.dingTalk("msg-" + unique(), sessionWebhook(), Instant.now().plusSeconds(3600));
        String now = Long.toString(Instant.now().toEpochMilli());
        URI uri = URI.create(requests.baseUrl() + "/webhooks/dingtalk");

        assertThat(requests.dingTalk(body, Instant.now().minus(Duration.ofMinutes(61))).statusCode()).isEqualTo(401);
        assertThat(requests.dingTalk(body, Instant.now().plus(Duration.ofMinutes(61))).statusCode()).isEqualTo(401);
        assertThat(requests.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("timestamp", now).header("sign", SignedRequests.dingTalkSign(now + "1"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(401);
        assertThat(requests.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(401);
        String foreign = body.replace("ding-robot", "other-robot");
        HttpResponse<String> refused = requests.dingTalk(foreign, Instant.now());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json.readTree(refused.body()).get("detail").asString()).doesNotContain(SignedRequests.DINGTALK_SECRET);

        Thread.sleep(1000);
        assertThat(posts(SESSION_WEBHOOK)).isEmpty();
    }

    @Test
    void dingTalkNeverPostsToAnExpiredOrDisallowedWebhook() throws Exception {
        String expiredId = "msg-" + unique();
        String disallowedId = "msg-" + unique();
        String expired = ChatMessages.dingTalk(expiredId, sessionWebhook(), Instant.now().minusSeconds(1));
        String disallowed = ChatMessages.dingTalk(disallowedId,
                "http://localhost:" + platforms.getPort() + SESSION_WEBHOOK + "?session=x", Instant.now().plusSeconds(3600));

        assertThat(requests.dingTalk(expired, Instant.now()).statusCode()).isEqualTo(200);
        assertThat(requests.dingTalk(disallowed, Instant.now()).statusCode()).isEqualTo(200);

        // Both are answered, and both replies refused (not posted), whatever else the answering asked the LLM.
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("dingtalk:" + expiredId) == Delivery.State.FAILED
                && stateOf("dingtalk:" + disallowedId) == Delivery.State.FAILED);
        assertThat(posts(SESSION_WEBHOOK)).isEmpty();
    }

    @Test
    void dingTalkRefusesMalformedAndOversizedBodies() throws Exception {
        HttpResponse<String> malformed = requests.dingTalk("{\"msgId\": ", Instant.now());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(requests.dingTalk("[]", Instant.now()).statusCode()).isEqualTo(400);
        assertThat(requests.dingTalk("{\"pad\": \"" + "x".repeat(5000) + "\"}", Instant.now()).statusCode()).isEqualTo(413);
    }

    // Slack

    @Test
    void slackAnswersTheChallengeOfUrlVerification() throws Exception {
        HttpResponse<String> response = requests.slackEvent(
                "{\"token\": \"t\", \"challenge\": \"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\", \"type\": \"url_verification\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    @Test
    void slackMentionIsAnsweredOnceInItsThreadWithSourceLinks() throws Exception {
        String eventId = "Ev" + unique();
        String body = ChatMessages.slackMention(eventId, "1700000001.000100", "1699999000.000200");

        assertThat(requests.slackEvent(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 1);
        LoggedRequest post = posts(CHAT_POST).get(0);
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer xoxb-test-token");
        JsonNode message = json.readTree(post.getBodyAsString());
        assertThat(message.get("channel").asString()).isEqualTo("C0LAN2Q65");
        assertThat(message.get("thread_ts").asString()).isEqualTo("1699999000.000200");
        assertThat(message.path("metadata").path("event_type").asString()).isEqualTo("qa_bot_answer");
        assertThat(message.path("metadata").path("event_payload").path("delivery").asString()).isEqualTo("slack:event:" + eventId);
        assertThat(message.get("text").asString()).contains("[1]").contains("*Sources*")
                .contains("<" + SOURCE_URL + "|").contains("(2022-02-18)>");

        // Slack retries after 3 s; a retry, or the same message under another event id, is not answered again.
        assertThat(requests.slack("/webhooks/slack/events", "application/json", body, Instant.now(),
                "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout").statusCode()).isEqualTo(200);
        assertThat(requests.slackEvent(body.replace(eventId, eventId + "-copy")).statusCode()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(posts(CHAT_POST)).hasSize(1);
    }

    @Test
    void slackDirectMessageIsAnsweredInAThreadOnTheMessage() throws Exception {
        String body = ChatMessages.envelope("Ev" + unique(), Map.of("type", "message", "channel_type", "im",
                "user", "U061F7AUR", "text", ChatMessages.QUESTION, "ts", "1700000002.000100", "channel", "D024BE91L"));
        assertThat(requests.slackEvent(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 1);
        JsonNode message = json.readTree(posts(CHAT_POST).get(0).getBodyAsString());
        assertThat(message.get("channel").asString()).isEqualTo("D024BE91L");
        assertThat(message.get("thread_ts").asString()).isEqualTo("1700000002.000100");
    }

    @Test
    void slackIgnoresBotsItselfAndEventsItDoesNotHandle() throws Exception {
        List<Map<String, Object>> ignored = List.of(
                Map.of("type", "app_mention", "user", "U2", "bot_id", "B1", "text", "<@UBOT> hi", "ts", "1.1", "channel", "C1"),
                Map.of("type", "message", "subtype", "bot_message", "channel_type", "im", "text", "hi", "ts", "1.2", "channel", "D1"),
                Map.of("type", "message", "channel_type", "im", "user", "UBOT", "text", "own words", "ts", "1.3", "channel", "D1"),
                Map.of("type", "message", "channel_type", "channel", "user", "U2", "text", "chatter", "ts", "1.4", "channel", "C1"),
                Map.of("type", "reaction_added", "user", "U2", "reaction", "thumbsup"),
                Map.of("type", "app_mention", "user", "U2", "text", "<@UBOT>", "ts", "1.5", "channel", "C1"));
        for (Map<String, Object> event : ignored) {
            assertThat(requests.slackEvent(ChatMessages.envelope("Ev" + unique(), event)).statusCode()).isEqualTo(200);
        }
        assertThat(requests.slackEvent("{\"type\": \"app_rate_limited\"}").statusCode()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(posts(CHAT_POST)).isEmpty();
    }

    @Test
    void slackRefusesTamperedStaleAndUnsignedRequests() throws Exception {
        String body = ChatMessages.slackMention("Ev" + unique(), "1700000003.000100", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        URI uri = URI.create(requests.baseUrl() + "/webhooks/slack/events");

        assertThat(requests.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SignedRequests.slackSignature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("C0LAN2Q65", "C0EVIL"))).build()).statusCode())
                .isEqualTo(401);
        assertThat(requests.slack("/webhooks/slack/events", "application/json", body, Instant.now().minusSeconds(301))
                .statusCode()).isEqualTo(401);
        assertThat(requests.slack("/webhooks/slack/events", "application/json", body, Instant.now().plusSeconds(301))
                .statusCode()).isEqualTo(401);
        assertThat(requests.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(401);
        Thread.sleep(1000);
        assertThat(posts(CHAT_POST)).isEmpty();
    }

    @Test
    void slackRetriesARateLimitedPostAfterRetryAfter() throws Exception {
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("limited once"));
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("rate").whenScenarioStateIs("limited once")
                .willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));

        assertThat(requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), "1700000004.000100", null)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 2);
        assertThat(posts(CHAT_POST).get(0).getBodyAsString()).isEqualTo(posts(CHAT_POST).get(1).getBodyAsString());
    }

    @Test
    void aPostTheGatewayDidNotPassOnIsTriedAgainAndPostedOnce() throws Exception {
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("gateway").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("unavailable once"));
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("gateway").whenScenarioStateIs("unavailable once")
                .willReturn(okJson("{\"ok\": true, \"ts\": \"1.3\"}")));
        String ts = "1700000107.000100";

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("slack:message:C0LAN2Q65:" + ts) == Delivery.State.POSTED);
        assertThat(posts(CHAT_POST)).hasSize(2);
        assertThat(deliveries.find("slack:message:C0LAN2Q65:" + ts)).hasValueSatisfying(delivery ->
                assertThat(delivery.attempts()).as("answered once, posted on the second try").isEqualTo(1));
    }

    @Test
    void aPostWhoseFateIsUnknownIsNeverRepeated() throws Exception {
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).willReturn(aResponse().withStatus(500)));
        String ts = "1700000108.000100";

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("slack:message:C0LAN2Q65:" + ts) == Delivery.State.FAILED);
        Thread.sleep(600); // three backoffs' worth: nothing more may come
        assertThat(posts(CHAT_POST)).hasSize(1);
        assertThat(deliveries.find("slack:message:C0LAN2Q65:" + ts).orElseThrow().reason()).contains("not posted again");
    }

    @Test
    void aPostThatTimedOutIsReadBackAndPostedAgainOnlyIfTheThreadLacksIt() throws Exception {
        String ts = "1700000109.000100";
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\": true}").withFixedDelay(5_000)).willSetStateTo("slow once"));
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("slow").whenScenarioStateIs("slow once")
                .willReturn(okJson("{\"ok\": true, \"ts\": \"1.4\"}")));
        platforms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations.replies"))
                .withQueryParam("ts", equalTo(ts)).willReturn(okJson("{\"ok\": true, \"messages\": [], \"has_more\": false}")));

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("slack:message:C0LAN2Q65:" + ts) == Delivery.State.POSTED);
        assertThat(posts(CHAT_POST)).hasSize(2);
        assertThat(platforms.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/conversations.replies")).withQueryParam("oldest", equalTo("0"))))
                .as("read back whole once, before the second post").hasSize(1);
    }

    private Delivery.State stateOf(String key) {
        return deliveries.find(key).map(Delivery::state).orElse(null);
    }

    @Test
    void slackErrorIsLoggedAndTheNextQuestionIsStillAnswered() throws Exception {
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("error").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\": false, \"error\": \"not_in_channel\"}")).willSetStateTo("failed once"));
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).inScenario("error").whenScenarioStateIs("failed once")
                .willReturn(okJson("{\"ok\": true}")));

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), "1700000005.000100", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 1);
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), "1700000006.000100", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 2);
    }

    @Test
    void slackAcknowledgesAtOnceWhileTheLlmTakesTenSeconds() throws Exception {
        LlmStub.answers(platforms, "慢慢来 [1]。", 10_000);
        long started = System.nanoTime();
        HttpResponse<String> ack = requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), "1700000007.000100", null));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(CHAT_POST).size() == 1);
    }

    @Test
    void slashCommandIsAcknowledgedEphemerallyAndAnsweredInTheChannel() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/commands/T1/123/abc")).willReturn(aResponse().withStatus(200).withBody("ok")));
        String form = "token=x&team_id=T1&channel_id=C1&user_id=U2&command=%2Fask&text="
                + java.net.URLEncoder.encode(ChatMessages.QUESTION, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_url=" + java.net.URLEncoder.encode("http://127.0.0.1:" + platforms.getPort() + "/commands/T1/123/abc",
                java.nio.charset.StandardCharsets.UTF_8) + "&trigger_id=" + unique();

        HttpResponse<String> ack = requests.slack("/webhooks/slack/commands", "application/x-www-form-urlencoded", form, Instant.now());

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).get("response_type").asString()).isEqualTo("ephemeral");
        await().atMost(Duration.ofSeconds(20)).until(() -> posts("/commands/T1/123/abc").size() == 1);
        JsonNode reply = json.readTree(posts("/commands/T1/123/abc").get(0).getBodyAsString());
        assertThat(reply.get("response_type").asString()).isEqualTo("in_channel");
        assertThat(reply.get("text").asString()).contains("<" + SOURCE_URL + "|");
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/commands/T1/123/abc"))
                .withHeader("Authorization", equalTo("Bearer xoxb-test-token")))).isEmpty();
    }

    @Test
    void abstentionIsOneShortLineWithTheNearestThreads() throws Exception {
        String body = ChatMessages.slackMention("Ev" + unique(), "1700000008.000100", null)
                .replace(ChatMessages.QUESTION, "MOSN 怎么对接 keycloak 做 OIDC 登录？");
        requests.slackEvent(body);
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(CHAT_POST).size() == 1);
        String text = json.readTree(posts(CHAT_POST).get(0).getBodyAsString()).get("text").asString();
        assertThat(text.lines().findFirst().orElse("")).contains("没有");
        assertThat(text).contains("*Maybe related*").contains("• <https://");
    }
}
